package dev.migrations.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Lists the current database's objects from MySQL's and MariaDB's
 * {@code information_schema}. Each query gives rows of the owning table (or
 * {@code null}), the key and the definition. Counters that change with the data (a
 * table's next {@code AUTO_INCREMENT} value, its row count) are left out, so that a table
 * emptied and recreated reads the same.
 */
public final class MySqlSnapshot {

	private static final String TABLES = "SELECT TABLE_NAME, CONCAT('table ', TABLE_NAME),"
			+ " CONCAT('table ENGINE ', COALESCE(ENGINE, ''), ' COLLATE ', COALESCE(TABLE_COLLATION, ''),"
			+ " IF(TABLE_COMMENT = '', '', CONCAT(' COMMENT ', QUOTE(TABLE_COMMENT))))"
			+ " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'";

	private static final String COLUMNS = "SELECT c.TABLE_NAME, CONCAT('column ', c.TABLE_NAME, '.', c.COLUMN_NAME),"
			+ " CONCAT(c.COLUMN_TYPE, IF(c.IS_NULLABLE = 'NO', ' NOT NULL', ''),"
			+ " IF(c.COLLATION_NAME IS NULL, '', CONCAT(' COLLATE ', c.COLLATION_NAME)),"
			+ " IF(c.COLUMN_DEFAULT IS NULL, '', CONCAT(' DEFAULT ', c.COLUMN_DEFAULT)),"
			+ " IF(c.EXTRA = '', '', CONCAT(' ', c.EXTRA)),"
			+ " IF(c.COLUMN_COMMENT = '', '', CONCAT(' COMMENT ', QUOTE(c.COLUMN_COMMENT))))"
			+ " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
			+ " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'"
			+ " WHERE c.TABLE_SCHEMA = DATABASE()";

	private static final String INDEXES = "SELECT TABLE_NAME, CONCAT('index ', TABLE_NAME, '.', INDEX_NAME),"
			+ " CONCAT(IF(NON_UNIQUE = 0, 'UNIQUE ', ''), INDEX_TYPE, ' (',"
			+ " GROUP_CONCAT(CONCAT(COLUMN_NAME, IF(SUB_PART IS NULL, '', CONCAT('(', SUB_PART, ')')),"
			+ " IF(COLLATION = 'D', ' DESC', '')) ORDER BY SEQ_IN_INDEX SEPARATOR ', '), ')')"
			+ " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
			+ " GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE";

	private static final String FOREIGN_KEYS = "SELECT k.TABLE_NAME, CONCAT('constraint ', k.TABLE_NAME, '.',"
			+ " k.CONSTRAINT_NAME), CONCAT('FOREIGN KEY (', GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION"
			+ " SEPARATOR ', '), ') REFERENCES ', k.REFERENCED_TABLE_NAME, ' (',"
			+ " GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '),"
			+ " ') ON UPDATE ', r.UPDATE_RULE, ' ON DELETE ', r.DELETE_RULE)"
			+ " FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r"
			+ " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
			+ " AND r.TABLE_NAME = k.TABLE_NAME WHERE k.TABLE_SCHEMA = DATABASE()"
			+ " GROUP BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_NAME, r.UPDATE_RULE, r.DELETE_RULE";

	private static final String CHECKS = "SELECT TABLE_NAME, CONCAT('constraint ', TABLE_NAME, '.', CONSTRAINT_NAME),"
			+ " CONCAT('CHECK (', CHECK_CLAUSE, ')') FROM information_schema.CHECK_CONSTRAINTS"
			+ " WHERE CONSTRAINT_SCHEMA = DATABASE()";

	private static final String VIEWS = "SELECT TABLE_NAME, CONCAT('view ', TABLE_NAME), VIEW_DEFINITION"
			+ " FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()";

	private static final String TRIGGERS = "SELECT EVENT_OBJECT_TABLE, CONCAT('trigger ', EVENT_OBJECT_TABLE, '.',"
			+ " TRIGGER_NAME), CONCAT(ACTION_TIMING, ' ', EVENT_MANIPULATION, ' ', ACTION_STATEMENT)"
			+ " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()";

	private static final String ROUTINES = "SELECT NULL, CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME),"
			+ " CONCAT(COALESCE(DTD_IDENTIFIER, ''), ' ', COALESCE(ROUTINE_DEFINITION, ''))"
			+ " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()";

	private static final List<String> QUERIES = List.of(TABLES, COLUMNS, INDEXES, FOREIGN_KEYS, CHECKS, VIEWS, TRIGGERS,
			ROUTINES);

	private MySqlSnapshot() {
	}

	public static SchemaSnapshot take(Connection connection, Set<String> excluded) throws SQLException {
		SortedMap<String, String> objects = new TreeMap<>();
		try (Statement statement = connection.createStatement()) {
			for (String query : QUERIES) {
				try (ResultSet rows = statement.executeQuery(query)) {
					while (rows.next()) {
						String owner = rows.getString(1);
						if (owner == null || !excluded.contains(owner)) {
							objects.put(rows.getString(2), normalize(rows.getString(3)));
						}
					}
				}
			}
		}
		return new SchemaSnapshot(objects);
	}

	/**
	 * Collapses whitespace, since routine and trigger bodies are kept as written and a
	 * Down that recreates one with other line breaks still restores it; and drops the
	 * backquotes the server puts around names in checks and views, so that a definition
	 * reads as it was written.
	 */
	private static String normalize(String definition) {
		return (definition != null) ? definition.replace("`", "").replaceAll("\\s+", " ").strip() : "";
	}

}
