package dev.migrations.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.TableName;

/**
 * Recognizes the history tables of other migration sets in a schema (another service's,
 * or a library's, each with its own version table): goose's and golang-migrate's version
 * tables and our metadata tables, by their columns. They are not application tables.
 */
public final class HistoryTables {

	private HistoryTables() {
	}

	/**
	 * What a table is, by its columns.
	 * @param connection a connection in auto-commit, where a failed probe leaves no
	 * transaction aborted
	 * @param dialect its dialect
	 * @param schema the schema, or {@code null} for the current one
	 * @param name the table's name
	 * @return the kind of history table, or {@link Kind#NONE} for any other table
	 */
	public static Kind kind(Connection connection, Dialect dialect, String schema, String name) {
		TableName table;
		try {
			table = TableName.parse((schema != null) ? schema + "." + name : name);
		}
		catch (RuntimeException ex) {
			// Names this engine would never give a history table (upper case, say).
			return Kind.NONE;
		}
		String quoted = dialect.quote(table);
		if (has(connection, quoted, GooseVersionTable.COLUMNS)) {
			return Kind.VERSIONS;
		}
		if (has(connection, quoted, GolangMigrateVersionTable.COLUMNS)) {
			return Kind.VERSIONS;
		}
		return has(connection, quoted, MetadataTable.COLUMNS) ? Kind.METADATA : Kind.NONE;
	}

	private static boolean has(Connection connection, String table, String columns) {
		try (Statement query = connection.createStatement()) {
			query.executeQuery("SELECT " + columns + " FROM " + table + " WHERE 1 = 0").close();
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** What a table is. */
	public enum Kind {

		/** A goose or golang-migrate version table. */
		VERSIONS,

		/** Our metadata table. */
		METADATA,

		/** Any other table. */
		NONE

	}

}
