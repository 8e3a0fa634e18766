package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own on the test MariaDB server ({@code MIGRATIONS_TEST_MARIADB_URL},
 * by default the local server's {@code test} database as {@code root}), which the
 * connections use and which is dropped on close. A database is MySQL's schema.
 */
public final class MariaDbTestDatabase implements TestDatabase {

	/** The environment variable naming the test server. */
	public static final String URL_VARIABLE = "MIGRATIONS_TEST_MARIADB_URL";

	private static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

	private final String name;

	private final TestDataSource dataSource;

	private MariaDbTestDatabase(String name) {
		this.name = name;
		this.dataSource = new TestDataSource(urlOf(name));
	}

	/** The server the tests use. */
	public static String baseUrl() {
		String url = System.getenv(URL_VARIABLE);
		return (url != null && !url.isBlank()) ? url : DEFAULT_URL;
	}

	/** The URL of another database on the test server, with the same parameters. */
	public static String urlOf(String database) {
		String base = baseUrl();
		int query = base.indexOf('?');
		String path = (query >= 0) ? base.substring(0, query) : base;
		String parameters = (query >= 0) ? base.substring(query) : "";
		return path.substring(0, path.lastIndexOf('/') + 1) + database + parameters;
	}

	/** Creates a fresh database. */
	public static MariaDbTestDatabase create() {
		String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		admin("CREATE DATABASE " + name);
		return new MariaDbTestDatabase(name);
	}

	/** Runs statements on the server outside any test database. */
	public static void admin(String... statements) {
		try (Connection connection = DriverManager.getConnection(baseUrl());
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The database's name. */
	public String name() {
		return this.name;
	}

	@Override
	public TestDataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public String vendor() {
		return "mariadb";
	}

	@Override
	public List<String> tables() {
		return query("SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + this.name
				+ "' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")
			.stream()
			.map((Map<String, Object> row) -> String.valueOf(row.get("t")))
			.toList();
	}

	@Override
	public String quote(String name) {
		return "`" + name + "`";
	}

	@Override
	public void close() {
		admin("DROP DATABASE IF EXISTS " + this.name);
	}

	@Override
	public String toString() {
		return "MariaDB";
	}

}
