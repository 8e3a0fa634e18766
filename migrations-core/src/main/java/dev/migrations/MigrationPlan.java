package dev.migrations;

import java.util.List;

/**
 * What a command would run, from a dry run that changed nothing.
 *
 * @param operation the command, as {@link Operation#describe()} names it
 * @param currentVersion the database's version now
 * @param migrations the migrations it would run, in order
 */
public record MigrationPlan(String operation, long currentVersion, List<PlannedMigration> migrations) {

	public MigrationPlan {
		migrations = List.copyOf(migrations);
	}

	/** Whether the command would run nothing. */
	public boolean isEmpty() {
		return this.migrations.isEmpty();
	}

}
