package dev.migrations.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.migrations.DatabaseVersion;
import dev.migrations.LintFinding;
import dev.migrations.MigrationPlan;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.Operation;
import dev.migrations.StatusReport;
import dev.migrations.ValidationReport;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.history.HistoryState;
import dev.migrations.lint.PostgresLint;

/**
 * The commands that only read: status, version, validate, plan and lint. None takes a
 * lock or writes anything.
 */
public final class Inspector {

	private final Settings settings;

	private final Connector connector;

	private final Preflight preflight;

	private final Validator validator;

	/**
	 * Creates the inspector.
	 * @param settings what to inspect with
	 */
	public Inspector(Settings settings) {
		this.settings = settings;
		this.connector = new Connector(settings);
		this.preflight = new Preflight(settings);
		this.validator = new Validator(settings.catalog());
	}

	/** Every migration's state. */
	public StatusReport status() {
		return this.connector.withSession("reading the migration status",
				(session) -> StatusRows.of(this.settings.catalog(), session.read()));
	}

	/**
	 * The lint's findings for the pending migrations, on PostgreSQL; none on other
	 * databases, whose locks the rules do not describe.
	 */
	public List<LintFinding> lint() {
		return this.connector.withSession("linting the pending migrations", (session) -> {
			if (!session.dialect().vendor().equals("postgresql")) {
				return List.<LintFinding>of();
			}
			Set<Long> pending = new HashSet<>();
			for (MigrationStatus migration : StatusRows.of(this.settings.catalog(), session.read()).migrations()) {
				if (migration.state() == MigrationState.PENDING || migration.state() == MigrationState.OUT_OF_ORDER) {
					pending.add(migration.version());
				}
			}
			return PostgresLint.check(this.settings.catalog(), pending::contains);
		});
	}

	/** The current version. */
	public DatabaseVersion version() {
		return this.connector.withSession("reading the current version", (session) -> {
			HistoryState state = session.read();
			return state.dirty() ? new DatabaseVersion(state.dirtyVersion(), true)
					: new DatabaseVersion(state.currentVersion(), false);
		});
	}

	/** Everything validation can find, with the database. */
	public ValidationReport validate() {
		return this.connector.withSession("validating", (session) -> this.validator.full(session.read()));
	}

	/** What validation can find without a database: files that do not parse. */
	public ValidationReport validateFiles() {
		return this.validator.files();
	}

	/**
	 * What validation can find in a catalogue of files, with no database configured.
	 * @param catalog the files
	 * @return the files that do not parse
	 */
	public static ValidationReport validateFiles(MigrationCatalog catalog) {
		return new Validator(catalog).files();
	}

	/**
	 * What a command would run, with every statement as it would be sent (secret values
	 * masked); changes nothing.
	 * @param operation the command
	 * @return the plan
	 */
	public MigrationPlan plan(Operation operation) {
		return this.connector.withSession("planning " + operation.describe(), (session) -> {
			HistoryState state = session.read();
			Preflight.Prepared prepared = this.preflight.prepare(session, operation, state);
			return new MigrationPlan(operation.describe(), state.currentVersion(),
					prepared.steps()
						.stream()
						.map((step) -> step.planned(session.dialect(), this.settings.catalog().masking()))
						.toList());
		});
	}

}
