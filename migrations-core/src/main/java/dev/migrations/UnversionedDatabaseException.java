package dev.migrations;

import java.util.List;

/**
 * The database already holds tables but no version table, so applying the first migration
 * would most likely collide with the existing schema. Nothing was changed.
 */
public final class UnversionedDatabaseException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final List<String> tables;

	/**
	 * Creates the exception.
	 * @param table the version table that is missing
	 * @param tables some of the tables that exist
	 */
	public UnversionedDatabaseException(String table, List<String> tables) {
		super("The database has tables (" + String.join(", ", tables) + ") but no version table " + table
				+ ": it was created without migrations. Mark the versions its schema already has with 'baseline V',"
				+ " or set baselineOnMigrate with baselineVersion to do that on the first up.");
		this.tables = List.copyOf(tables);
	}

	/** Some of the tables found. */
	public List<String> tables() {
		return this.tables;
	}

}
