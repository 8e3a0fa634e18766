package dev.migrations;

/**
 * The database, or the files, are in a state the command refuses to act on, such as
 * {@code baseline} on a database that already has a version table, or {@code fix} of a
 * file that is already applied. Nothing was changed.
 */
public final class MigrationStateException extends MigrationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what is wrong and what to do
	 */
	public MigrationStateException(String message) {
		super(message);
	}

}
