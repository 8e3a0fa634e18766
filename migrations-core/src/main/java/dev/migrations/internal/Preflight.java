package dev.migrations.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Direction;
import dev.migrations.DirtyDatabaseException;
import dev.migrations.MigrationParseException;
import dev.migrations.Operation;
import dev.migrations.UnversionedDatabaseException;
import dev.migrations.ValidationException;
import dev.migrations.ValidationIssue;
import dev.migrations.ValidationMode;
import dev.migrations.ValidationReport;
import dev.migrations.format.Migration;
import dev.migrations.history.History;
import dev.migrations.history.HistoryTables;
import dev.migrations.history.HistoryState;

/**
 * Everything checked before a command runs its first statement, the same way for a real
 * run and for a dry run: the dirty flag, a database created without migrations,
 * validation, the plan, and that all the plan runs parses.
 */
final class Preflight {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrations");

	private final Settings settings;

	private final Planner planner;

	private final Validator validator;

	Preflight(Settings settings) {
		this.settings = settings;
		this.planner = new Planner(settings.catalog(), settings.outOfOrder());
		this.validator = new Validator(settings.catalog());
	}

	/**
	 * What a command would run against a state.
	 *
	 * @param steps the steps, in order
	 * @param state the state they were planned on (after a baseline, if one is due)
	 * @param baseline the baseline due first, empty when none
	 */
	record Prepared(List<Step> steps, HistoryState state, List<History.Mark> baseline) {

		boolean isEmpty() {
			return this.steps.isEmpty() && this.baseline.isEmpty();
		}

	}

	Prepared prepare(Session session, Operation operation, HistoryState state) throws SQLException {
		if (state.dirty()) {
			throw new DirtyDatabaseException(this.settings.table().toString(), state.dirtyVersion());
		}
		List<History.Mark> baseline = List.of();
		HistoryState planned = state;
		if (operation.isUp() && !state.tableExists()) {
			baseline = dueBaseline(session);
			planned = Baselines.simulate(state, baseline);
		}
		if (operation.isUp()) {
			validate(planned);
		}
		List<Step> steps = this.planner.plan(operation, planned);
		checkParsed(steps);
		return new Prepared(steps, planned, baseline);
	}

	/**
	 * A database with tables but no version table is refused, unless a baseline version
	 * is configured. Another migration set's version table (another service's, a
	 * library's) makes it a migrated schema that this set joins afresh, and that set's
	 * history tables are not the application's.
	 */
	private List<History.Mark> dueBaseline(Session session) throws SQLException {
		String schema = this.settings.table().schema();
		List<String> tables = new ArrayList<>(session.dialect().tables(session.connection(), schema));
		tables.remove(this.settings.table().name());
		tables.remove(this.settings.metadataTable().name());
		boolean otherSets = false;
		for (Iterator<String> names = tables.iterator(); names.hasNext();) {
			HistoryTables.Kind kind = HistoryTables.kind(session.connection(), session.dialect(), schema, names.next());
			if (kind != HistoryTables.Kind.NONE) {
				names.remove();
				otherSets |= kind == HistoryTables.Kind.VERSIONS;
			}
		}
		if (tables.isEmpty() || otherSets) {
			return List.of();
		}
		if (this.settings.baselineVersion() == null) {
			throw new UnversionedDatabaseException(this.settings.table().toString(),
					tables.subList(0, Math.min(5, tables.size())));
		}
		return Baselines.marks(this.settings.catalog(), this.settings.baselineVersion());
	}

	private void validate(HistoryState state) {
		if (this.settings.validation() == ValidationMode.OFF) {
			return;
		}
		ValidationReport report = this.validator.applied(state);
		if (report.isValid()) {
			return;
		}
		if (this.settings.validation() == ValidationMode.FAIL) {
			throw new ValidationException(report);
		}
		for (ValidationIssue issue : report.issues()) {
			logger.warn("Validation: {}", issue.message());
		}
	}

	private static void checkParsed(List<Step> steps) {
		for (Step step : steps) {
			MigrationParseException error = step.script().section().error();
			if (error != null) {
				throw error;
			}
		}
	}

	/**
	 * Parse errors in sections the command does not run are only warnings, as in goose.
	 * Only files a command parsed are looked at: files are parsed when a command needs
	 * them, so one with nothing to do parses none.
	 */
	void warnAboutUnusedParseErrors() {
		Set<MigrationParseException> reported = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Migration migration : this.settings.catalog().all()) {
			if (!migration.isParsed()) {
				continue;
			}
			for (Direction direction : Direction.values()) {
				MigrationParseException error = migration.script(direction).section().error();
				if (error != null && reported.add(error)) {
					logger.warn("{} section of {} does not parse and was not needed by this command: {}",
							direction.label(), migration.name(), error.getMessage());
				}
			}
		}
	}

}
