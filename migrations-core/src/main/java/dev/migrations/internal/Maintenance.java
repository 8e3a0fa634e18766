package dev.migrations.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.DatabaseVersion;
import dev.migrations.MigrationStateException;
import dev.migrations.RepairResult;
import dev.migrations.format.Migration;
import dev.migrations.history.AppliedVersion;
import dev.migrations.history.History;
import dev.migrations.history.HistoryState;
import dev.migrations.history.Metadata;

/**
 * The commands that change what the tables record without running migrations: baseline,
 * force and repair. Each logs what it changed.
 */
public final class Maintenance {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrations");

	private final Settings settings;

	private final Connector connector;

	/**
	 * Creates the maintenance commands.
	 * @param settings what to work with
	 */
	public Maintenance(Settings settings) {
		this.settings = settings;
		this.connector = new Connector(settings);
	}

	/**
	 * Marks every version up to one as applied without running anything, on a database
	 * that has the schema but no version table.
	 * @param version the version the schema matches
	 * @return the version afterwards
	 */
	public DatabaseVersion baseline(long version) {
		return this.connector.withSession("baselining", (session) -> this.connector.locked(session, (locked) -> {
			HistoryState state = locked.read();
			if (state.tableExists()) {
				throw new MigrationStateException("Cannot baseline: " + this.settings.table()
						+ " already exists, so this database is already versioned (at version " + state.currentVersion()
						+ "). Baseline is for databases created without migrations.");
			}
			List<History.Mark> marks = Baselines.marks(this.settings.catalog(), version);
			locked.history().create(locked.connection(), state);
			locked.history().mark(locked.connection(), marks, Metadata.Kind.BASELINE);
			logger.info("Baselined {} at version {}: marked {} as applied without running them", this.settings.table(),
					version, marks.stream().map(History.Mark::version).toList());
			return new DatabaseVersion(version, false);
		}));
	}

	/**
	 * Sets golang-migrate's version and clears its dirty flag without running anything.
	 * @param version the version the schema matches, or -1 for none
	 * @return the version afterwards
	 */
	public DatabaseVersion force(long version) {
		return this.connector.withSession("forcing version " + version,
				(session) -> this.connector.locked(session, (locked) -> {
					// force replaces the rows, so it also repairs a table holding
					// several.
					HistoryState state = locked.history().readReplacingRows(locked.connection(), locked.known());
					locked.history().create(locked.connection(), state);
					if (version >= 0) {
						locked.history().versions().recordApplied(locked.connection(), version, version);
					}
					else {
						locked.history().versions().recordRolledBack(locked.connection(), 0, OptionalLong.empty());
					}
					logger.info("Forced {} from version {}{} to version {}; nothing ran", this.settings.table(),
							state.dirty() ? state.dirtyVersion() : state.currentVersion(),
							state.dirty() ? " (dirty)" : "", version);
					return new DatabaseVersion(Math.max(version, 0), false);
				}));
	}

	/**
	 * Brings our metadata table in line with the files after deliberate edits: records
	 * the current checksum of changed and unverified applied files, and removes the rows
	 * of versions whose file is gone or that are no longer applied. The Go tool's table
	 * is never touched.
	 * @return what changed
	 */
	public RepairResult repair() {
		return this.connector.withSession("repairing", (session) -> this.connector.locked(session, (locked) -> {
			HistoryState state = locked.read();
			if (!state.tableExists()) {
				return new RepairResult(List.of());
			}
			locked.history().create(locked.connection(), state);
			List<String> changes = new ArrayList<>();
			List<History.Mark> unverified = new ArrayList<>();
			for (AppliedVersion applied : state.applied()) {
				Migration migration = this.settings.catalog().get(applied.version());
				Metadata metadata = applied.metadata();
				if (migration == null) {
					if (metadata != null) {
						locked.history().forget(locked.connection(), applied.version());
						changes.add("Removed the metadata of version " + applied.version() + ", whose file is gone.");
					}
				}
				else if (metadata == null || !metadata.isVerified()) {
					unverified.add(new History.Mark(applied.version(), migration.name(), migration.checksum()));
					changes.add("Recorded the checksum of " + migration.name() + ", applied without one.");
				}
				else if (!metadata.checksum().equals(migration.checksum())) {
					locked.history().updateChecksum(locked.connection(), applied.version(), migration.checksum());
					changes.add("Recorded the new checksum of " + migration.name()
							+ ", which was edited after it was applied.");
				}
			}
			locked.history().mark(locked.connection(), unverified, Metadata.Kind.ADOPTED);
			Set<Long> applied = state.appliedVersions();
			for (Long version : state.metadata().keySet()) {
				if (!applied.contains(version)) {
					locked.history().forget(locked.connection(), version);
					changes.add("Removed the metadata of version " + version + ", which is no longer applied.");
				}
			}
			changes.forEach((change) -> logger.info("Repair: {}", change));
			if (changes.isEmpty()) {
				logger.info("Repair: nothing to change");
			}
			return new RepairResult(changes);
		}));
	}

}
