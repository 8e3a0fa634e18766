package dev.migrations;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a command that moves the database: {@code up}, {@code down},
 * {@code redo} and their variants.
 *
 * @param migrations the migrations that ran, in order
 * @param initialVersion the database version before the command
 * @param finalVersion the database version after the command
 * @param duration how long the command took, locking included
 */
public record MigrateResult(List<MigrationResult> migrations, long initialVersion, long finalVersion,
		Duration duration) {

	public MigrateResult {
		migrations = List.copyOf(migrations);
	}

	/** Whether nothing ran. */
	public boolean isEmpty() {
		return this.migrations.isEmpty();
	}

}
