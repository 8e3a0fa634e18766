package dev.migrations.internal;

import dev.migrations.Direction;
import dev.migrations.PlannedMigration;
import dev.migrations.dialect.Dialect;
import dev.migrations.format.Masking;
import dev.migrations.format.Migration;
import dev.migrations.format.MigrationScript;

/**
 * One migration to run in one direction.
 *
 * @param migration the migration
 * @param direction up or down
 */
record Step(Migration migration, Direction direction) {

	MigrationScript script() {
		return this.migration.script(this.direction);
	}

	long version() {
		return this.migration.version();
	}

	TransactionMode mode(Dialect dialect) {
		return TransactionMode.of(this.migration.format(), this.migration.noTransaction(),
				script().section().statements(), dialect);
	}

	/** The step as a dry run or a listener sees it: secret values masked. */
	PlannedMigration planned(Dialect dialect, Masking masking) {
		return new PlannedMigration(version(), this.migration.name(), this.direction, mode(dialect).isAtomic(),
				script().section().statements().stream().map((statement) -> masking.mask(statement.sql())).toList());
	}

}
