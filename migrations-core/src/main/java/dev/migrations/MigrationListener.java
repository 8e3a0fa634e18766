package dev.migrations;

/**
 * Hears about a command's progress, for output, events and metrics. Called on the thread
 * that runs the command; keep it quick. A listener that throws is logged and ignored: it
 * cannot break or undo a migration.
 */
public interface MigrationListener {

	/** A listener that ignores everything. */
	MigrationListener NONE = new MigrationListener() {
	};

	/**
	 * A migration is about to run.
	 * @param migration what will run
	 */
	default void beforeMigration(PlannedMigration migration) {
	}

	/**
	 * A migration completed and was recorded.
	 * @param result what ran
	 */
	default void afterMigration(MigrationResult result) {
	}

	/**
	 * A command failed.
	 * @param operation the command
	 * @param failure why
	 */
	default void afterFailure(Operation operation, MigrationException failure) {
	}

	/**
	 * A command completed.
	 * @param operation the command
	 * @param result what it ran
	 */
	default void afterOperation(Operation operation, MigrateResult result) {
	}

}
