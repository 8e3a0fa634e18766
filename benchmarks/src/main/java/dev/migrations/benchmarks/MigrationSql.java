package dev.migrations.benchmarks;

import java.util.List;

/**
 * The SQL of the benchmark's migration {@code v}: one table, one row, one index. Every
 * tool runs exactly this text, which is valid on SQLite and PostgreSQL alike.
 */
public final class MigrationSql {

	private MigrationSql() {
	}

	/**
	 * The Up statements of a migration, without their terminating semicolons.
	 * @param version the migration's version, from 1
	 * @return three statements: create the table, insert a row, create an index
	 */
	public static List<String> up(long version) {
		String table = table(version);
		return List.of("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)",
				"INSERT INTO " + table + " (id, name) VALUES (1, 'row " + version + "')",
				"CREATE INDEX " + table + "_name_idx ON " + table + " (name)");
	}

	/**
	 * The Down statement of a migration, without its semicolon.
	 * @param version the migration's version, from 1
	 * @return the statement that drops the table
	 */
	public static String down(long version) {
		return "DROP TABLE " + table(version);
	}

	/** The table a migration creates: {@code t1}, {@code t2}, … */
	public static String table(long version) {
		return "t" + version;
	}

}
