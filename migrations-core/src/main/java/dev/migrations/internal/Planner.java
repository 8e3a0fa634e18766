package dev.migrations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrations.Direction;
import dev.migrations.MissingMigrationException;
import dev.migrations.Operation;
import dev.migrations.OutOfOrderException;
import dev.migrations.OutOfOrderPolicy;
import dev.migrations.format.Migration;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.history.AppliedVersion;
import dev.migrations.history.HistoryState;

/**
 * Decides which migrations a command runs, from the files and the version table. Runs
 * nothing.
 */
final class Planner {

	private final MigrationCatalog catalog;

	private final OutOfOrderPolicy outOfOrder;

	Planner(MigrationCatalog catalog, OutOfOrderPolicy outOfOrder) {
		this.catalog = catalog;
		this.outOfOrder = outOfOrder;
	}

	List<Step> plan(Operation operation, HistoryState state) {
		if (operation instanceof Operation.Up up) {
			return planUp(up, state);
		}
		if (operation instanceof Operation.Down down) {
			return planDown(down, state);
		}
		List<Step> redo = new ArrayList<>(planDown((Operation.Down) Operation.down(), state));
		if (!redo.isEmpty()) {
			redo.add(new Step(redo.get(0).migration(), Direction.UP));
		}
		return redo;
	}

	private List<Step> planUp(Operation.Up command, HistoryState state) {
		Set<Long> applied = state.appliedVersions();
		long current = state.currentVersion();
		List<Migration> pending = new ArrayList<>();
		List<Long> older = new ArrayList<>();
		for (Migration migration : this.catalog.all()) {
			long version = migration.version();
			if (applied.contains(version) || version > command.target()) {
				continue;
			}
			if (version < current) {
				older.add(version);
				if (this.outOfOrder == OutOfOrderPolicy.IGNORE) {
					continue;
				}
			}
			pending.add(migration);
		}
		if (!older.isEmpty() && this.outOfOrder == OutOfOrderPolicy.FAIL) {
			throw new OutOfOrderException(older, current);
		}
		List<Step> steps = new ArrayList<>();
		for (Migration migration : pending) {
			if (steps.size() >= command.limit()) {
				break;
			}
			steps.add(new Step(migration, Direction.UP));
		}
		return steps;
	}

	private List<Step> planDown(Operation.Down command, HistoryState state) {
		List<AppliedVersion> applied = state.applied();
		List<Step> steps = new ArrayList<>();
		for (int i = applied.size() - 1; i >= 0 && steps.size() < command.limit(); i--) {
			long version = applied.get(i).version();
			if (command.target() != Operation.EVERYTHING && version <= command.target()) {
				continue;
			}
			Migration migration = this.catalog.get(version);
			if (migration == null) {
				throw new MissingMigrationException(version,
						"Cannot roll back version " + version + ": it is applied, but no file in "
								+ String.join(", ", this.catalog.locations())
								+ " has that version. Restore its file to roll it back.");
			}
			steps.add(new Step(migration, Direction.DOWN));
		}
		return steps;
	}

}
