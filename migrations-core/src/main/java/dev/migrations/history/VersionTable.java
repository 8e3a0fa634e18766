package dev.migrations.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalLong;

import dev.migrations.dialect.TableName;

/**
 * A version table kept exactly as a Go tool keeps it, so that either tool can continue
 * after the other. Writes take the caller's connection and transaction: a migration and
 * its history row commit together.
 */
public interface VersionTable {

	/** The table. */
	TableName table();

	/**
	 * A query for the table's rows in the shape {@link History} reads: order, version,
	 * flag (is_applied or dirty, as 1 or 0), and the time as seconds since the epoch (or
	 * NULL), followed by the given typed NULL columns, so that it can be joined with the
	 * metadata query in one round trip.
	 * @param trailingColumns the columns to append, each starting with a comma
	 * @return the query
	 */
	String rowsQuery(String trailingColumns);

	/**
	 * Turns the table's rows into the database's state.
	 * @param rows the rows, as {@link #rowsQuery} returns them
	 * @param known the versions that have files
	 * @param metadata our metadata rows, by version
	 * @param metadataExists whether our metadata table exists
	 * @return the state
	 */
	HistoryState toState(List<VersionRow> rows, NavigableSet<Long> known, Map<Long, Metadata> metadata,
			boolean metadataExists);

	/**
	 * Refuses a table that exists without the Go tool's columns.
	 * @param connection the connection
	 * @throws dev.migrations.VersionTableException when the columns are missing
	 */
	void checkColumns(Connection connection);

	/**
	 * Creates the table the way the Go tool does.
	 * @param connection the connection, in auto-commit mode
	 * @throws SQLException on a database error
	 */
	void create(Connection connection) throws SQLException;

	/**
	 * Records a version as applied.
	 * @param connection the connection, in the migration's transaction when it has one
	 * @param version the version
	 * @param current the database's version afterwards (the highest applied)
	 * @throws SQLException on a database error
	 */
	void recordApplied(Connection connection, long version, long current) throws SQLException;

	/**
	 * Records a version as rolled back.
	 * @param connection the connection, in the migration's transaction when it has one
	 * @param version the version rolled back
	 * @param current the version the database is at afterwards, empty when nothing
	 * remains applied
	 * @throws SQLException on a database error
	 */
	void recordRolledBack(Connection connection, long version, OptionalLong current) throws SQLException;

	/**
	 * Marks the database dirty before a migration that cannot be rolled back if it fails
	 * (golang-migrate only; a no-op for goose, whose table has no such flag).
	 * @param connection the connection, in auto-commit mode
	 * @param version the version the migration leads to, or -1 for none
	 * @throws SQLException on a database error
	 */
	void markDirty(Connection connection, long version) throws SQLException;

	/**
	 * One row of {@link #rowsQuery}.
	 *
	 * @param order the row's order (goose's id)
	 * @param version the version
	 * @param flag is_applied (goose) or dirty (golang-migrate)
	 * @param appliedAt the time, or {@code null}
	 */
	record VersionRow(long order, long version, boolean flag, java.time.Instant appliedAt) {
	}

}
