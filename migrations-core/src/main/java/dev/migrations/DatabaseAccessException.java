package dev.migrations;

import java.sql.SQLException;

/**
 * The database could not be reached or answered an engine query (not a migration
 * statement) with an error. Drivers name their JDBC URL in some messages; credentials in
 * it are hidden (see {@link Redaction}), in this exception's message and in the driver's
 * exception it carries.
 */
public final class DatabaseAccessException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String sqlState;

	private final String action;

	private final String databaseMessage;

	/**
	 * Creates the exception.
	 * @param action what the engine was doing, for the message ("reading
	 * goose_db_version")
	 * @param cause the driver's exception
	 */
	public DatabaseAccessException(String action, SQLException cause) {
		super(describe(action, Redaction.credentials(cause)), Redaction.credentials(cause));
		SQLException shown = (SQLException) getCause();
		this.sqlState = shown.getSQLState();
		this.action = action;
		this.databaseMessage = oneLine(shown.getMessage());
	}

	private static String describe(String action, SQLException shown) {
		return "Failed " + action + ": " + oneLine(shown.getMessage())
				+ ((shown.getSQLState() != null) ? " [SQLState " + shown.getSQLState() + "]" : "");
	}

	/**
	 * What the engine was doing: {@code connecting to the database},
	 * {@code reading goose_db_version}.
	 */
	public String action() {
		return this.action;
	}

	/** The driver's message, on one line. */
	public String databaseMessage() {
		return this.databaseMessage;
	}

	/** The SQLState the driver reported, or {@code null}. */
	public String sqlState() {
		return this.sqlState;
	}

	private static String oneLine(String message) {
		return (message != null) ? message.replaceAll("\\s*\\R\\s*", " ").trim() : "no message";
	}

}
