package dev.migrations;

/**
 * A golang-migrate version table is marked dirty: a migration that ran without a
 * transaction failed partway, and its effects may be half applied. Nothing runs until
 * someone repairs the schema and clears the flag.
 */
public final class DirtyDatabaseException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final long version;

	private final String table;

	/**
	 * Creates the exception.
	 * @param table the version table
	 * @param version the dirty version
	 */
	public DirtyDatabaseException(String table, long version) {
		super("Database is dirty at version " + version + " (" + table + "): a migration failed partway. Check the"
				+ " schema by hand, finish or undo what that migration did, then run 'migrate force V' with the version"
				+ " the schema now matches (" + version + " if it completed, or the one before it) to clear the flag.");
		this.version = version;
		this.table = table;
	}

	/** The golang-migrate table that is dirty. */
	public String table() {
		return this.table;
	}

	/** The version the table is dirty at. */
	public long version() {
		return this.version;
	}

}
