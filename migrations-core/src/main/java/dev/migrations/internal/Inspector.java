package dev.migrations.internal;

import dev.migrations.DatabaseVersion;
import dev.migrations.MigrationPlan;
import dev.migrations.Operation;
import dev.migrations.StatusReport;
import dev.migrations.ValidationReport;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.history.HistoryState;

/**
 * The commands that only read: status, version, validate and plan. None takes a lock or
 * writes anything.
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
