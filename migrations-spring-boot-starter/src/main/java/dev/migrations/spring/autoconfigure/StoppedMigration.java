package dev.migrations.spring.autoconfigure;

import dev.migrations.MigrationFailedException;

/**
 * The one line that says what a shutdown in the middle of the startup migrations left
 * behind.
 */
final class StoppedMigration {

	private StoppedMigration() {
	}

	static String describe(RuntimeException failure) {
		MigrationFailedException failed = cause(failure);
		if (failed == null) {
			return "The application shut down before the startup migrations could start: nothing was applied, and the"
					+ " next start applies the pending migrations.";
		}
		String before = failed.applied().isEmpty() ? ""
				: " The " + failed.applied().size() + " applied before it in this start stay applied.";
		if (failed.transactional()) {
			return "The application shut down during migration " + failed.file() + ": it ran in a transaction and was"
					+ " rolled back, so nothing of it is applied, and the next start applies it." + before;
		}
		String kept = (failed.statement() > 1) ? "statements 1 to " + (failed.statement() - 1) + " stay applied"
				: "none of its statements completed";
		String record = failed.markedDirty()
				? " and the version table is marked dirty at version " + failed.version()
						+ ", which the next start refuses until the flag is cleared"
				: "; it is not recorded, and the next start runs it again from its first statement";
		return "The application shut down during migration " + failed.file() + ", which runs without a transaction: "
				+ kept + record + "." + before;
	}

	private static MigrationFailedException cause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationFailedException failed) {
				return failed;
			}
		}
		return null;
	}

}
