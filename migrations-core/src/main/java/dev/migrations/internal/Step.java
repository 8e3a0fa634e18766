package dev.migrations.internal;

import java.util.List;

import dev.migrations.Direction;
import dev.migrations.MigrationFormat;
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
		if (this.migration.code() != null) {
			return this.migration.code().transactional() ? TransactionMode.TRANSACTION
					: (this.migration.format() == MigrationFormat.GOOSE) ? TransactionMode.NONE
							: TransactionMode.GUARDED_BY_DIRTY_FLAG;
		}
		return TransactionMode.of(this.migration.format(), this.migration.noTransaction(),
				script().section().statements(), dialect);
	}

	/** The step as a dry run or a listener sees it: secret values masked. */
	PlannedMigration planned(Dialect dialect, Masking masking) {
		List<String> statements = (this.migration.code() != null)
				? List.of("-- Java: " + this.migration.code().getClass().getName() + "." + this.direction.label()
						+ "(Connection)")
				: script().section().statements().stream().map((statement) -> masking.mask(statement.sql())).toList();
		return new PlannedMigration(version(), this.migration.name(), this.direction, mode(dialect).isAtomic(),
				statements);
	}

}
