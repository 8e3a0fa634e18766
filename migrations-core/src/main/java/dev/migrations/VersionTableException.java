package dev.migrations;

/**
 * The version table (or our metadata table beside it) exists but cannot be used: it lacks
 * the columns goose, golang-migrate or this engine give it, or holds rows no Go tool
 * would leave. {@link #problem()} says which.
 */
public final class VersionTableException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String table;

	private final String expectedColumns;

	private final Problem problem;

	/**
	 * Creates the exception for a version table without the Go tool's columns.
	 * @param table the table
	 * @param expectedColumns the columns the Go tool gives the table
	 * @param message the full message
	 * @param cause the driver's exception, or {@code null}
	 */
	public VersionTableException(String table, String expectedColumns, String message, Throwable cause) {
		this(table, expectedColumns, Problem.COLUMNS, message, cause);
	}

	/**
	 * Creates the exception.
	 * @param table the table
	 * @param expectedColumns the columns the table should have
	 * @param problem what is wrong with it
	 * @param message the full message, which says how to repair the table
	 * @param cause the driver's exception, or {@code null}
	 */
	public VersionTableException(String table, String expectedColumns, Problem problem, String message,
			Throwable cause) {
		super(message, cause);
		this.table = table;
		this.expectedColumns = expectedColumns;
		this.problem = problem;
	}

	/**
	 * The columns the table should have: {@code id, version_id, is_applied, tstamp} or
	 * {@code version, dirty}.
	 */
	public String expectedColumns() {
		return this.expectedColumns;
	}

	/** The table at fault. */
	public String table() {
		return this.table;
	}

	/** What is wrong with the table. */
	public Problem problem() {
		return this.problem;
	}

	/** What can be wrong with a table the engine reads. */
	public enum Problem {

		/**
		 * The version table lacks the Go tool's columns: it is some other table of the
		 * same name.
		 */
		COLUMNS,

		/**
		 * Our metadata table lacks its columns: it is some other table of the same name.
		 */
		METADATA_COLUMNS,

		/**
		 * The version table holds rows its Go tool never leaves (a goose table without
		 * any row, a golang-migrate table with several), so the current version cannot be
		 * read from it; the message says how to repair it.
		 */
		ROWS

	}

}
