package dev.migrations;

/**
 * A command needs the file of an applied version (to roll it back, or because
 * golang-migrate's table points at it), and no location holds it.
 */
public final class MissingMigrationException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final long version;

	/**
	 * Creates the exception.
	 * @param version the version without a file
	 * @param message the full message
	 */
	public MissingMigrationException(long version, String message) {
		super(message);
		this.version = version;
	}

	/** The applied version that has no file. */
	public long version() {
		return this.version;
	}

}
