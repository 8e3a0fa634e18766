package dev.migrations.cli;

import dev.migrations.DirtyDatabaseException;
import dev.migrations.LockTimeoutException;
import dev.migrations.MigrationException;
import dev.migrations.MigrationFailedException;
import dev.migrations.OutOfOrderException;
import dev.migrations.UnversionedDatabaseException;
import dev.migrations.ValidationException;

/**
 * The way out of a failure in the command line's own words. The engine's messages name
 * the builder's options ({@code baselineOnMigrate}); a user at a terminal needs the
 * command or the option to type. Chosen by exception type, never by message text.
 */
final class Hints {

	private Hints() {
	}

	/**
	 * The hint for a failure.
	 * @param failure what the engine threw
	 * @return the hint, or {@code null} when the message says all there is to say
	 */
	static String of(MigrationException failure) {
		if (failure instanceof UnversionedDatabaseException) {
			return "run 'migrate baseline V' with the version the existing schema matches, or"
					+ " 'migrate up --baseline-on-migrate --baseline-version V' to do both at once";
		}
		if (failure instanceof OutOfOrderException outOfOrder) {
			return "'migrate up --out-of-order apply' applies " + outOfOrder.versions() + " in version order;"
					+ " '--out-of-order ignore' leaves them pending";
		}
		if (failure instanceof ValidationException) {
			return "'migrate validate' lists every problem; after a deliberate edit, 'migrate repair' records the"
					+ " files as they are now; '--validation warn' runs anyway";
		}
		if (failure instanceof DirtyDatabaseException dirty) {
			return "repair the schema by hand, then 'migrate force " + dirty.version() + "' if migration "
					+ dirty.version() + " completed, or 'migrate force V' with the version before it";
		}
		if (failure instanceof MigrationFailedException failed && failed.markedDirty()) {
			return "undo or finish by hand what " + failed.file() + " did, then 'migrate force V' with the version"
					+ " the schema matches, and 'migrate up' again";
		}
		if (failure instanceof LockTimeoutException) {
			return "wait for the holder to finish, or give more time with '--lock-timeout <seconds>'";
		}
		return null;
	}

}
