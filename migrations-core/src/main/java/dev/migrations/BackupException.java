package dev.migrations;

import java.nio.file.Path;

/**
 * The SQLite backup taken before migrating could not be written. Nothing was migrated.
 */
public final class BackupException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final transient Path target;

	/**
	 * Creates the exception.
	 * @param target the backup file or directory that could not be written
	 * @param message what went wrong
	 * @param cause the underlying failure, or {@code null}
	 */
	public BackupException(Path target, String message, Throwable cause) {
		super(message, cause);
		this.target = target;
	}

	/** The backup file or directory that could not be written. */
	public Path target() {
		return this.target;
	}

}
