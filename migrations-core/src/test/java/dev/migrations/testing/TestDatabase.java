package dev.migrations.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * A real database a test owns for its duration: a SQLite file, or a PostgreSQL schema of
 * its own.
 */
public interface TestDatabase extends AutoCloseable {

	/**
	 * Connections to this database (for PostgreSQL, with the test's schema as the current
	 * schema).
	 */
	TestDataSource dataSource();

	/** {@code sqlite} or {@code postgresql}. */
	String vendor();

	/** The user tables of the database (or schema), lower case, sorted. */
	List<String> tables();

	/** A table's name quoted for this database's SQL. */
	default String quote(String name) {
		return "\"" + name + "\"";
	}

	/** Whether a table exists. */
	default boolean hasTable(String name) {
		return tables().contains(name);
	}

	/** Runs statements in auto-commit mode. */
	default void execute(String... statements) {
		try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs a query and returns its rows, each a column-name-to-value map in column order.
	 */
	default List<Map<String, Object>> query(String sql) {
		return query(dataSource(), sql);
	}

	/** Runs a query returning one number. */
	default long count(String sql) {
		Object value = query(sql).get(0).values().iterator().next();
		return ((Number) value).longValue();
	}

	static List<Map<String, Object>> query(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			ResultSetMetaData meta = rows.getMetaData();
			List<Map<String, Object>> result = new ArrayList<>();
			while (rows.next()) {
				Map<String, Object> row = new LinkedHashMap<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rows.getObject(i));
				}
				result.add(row);
			}
			return result;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	void close();

}
