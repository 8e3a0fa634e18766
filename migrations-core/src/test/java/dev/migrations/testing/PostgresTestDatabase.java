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
 * A schema of its own in the test PostgreSQL database ({@code MIGRATIONS_TEST_PG_URL}, by
 * default the local server's {@code test} database), made the connection's current schema
 * and dropped on close.
 */
public final class PostgresTestDatabase implements TestDatabase {

	/** The environment variable naming the test server. */
	public static final String URL_VARIABLE = "MIGRATIONS_TEST_PG_URL";

	private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

	private final String schema;

	private final TestDataSource dataSource;

	private PostgresTestDatabase(String schema) {
		this.schema = schema;
		this.dataSource = new TestDataSource(withParameter(baseUrl(), "currentSchema=" + schema));
	}

	/** The server the tests use. */
	public static String baseUrl() {
		String url = System.getenv(URL_VARIABLE);
		return (url != null && !url.isBlank()) ? url : DEFAULT_URL;
	}

	/** Creates a fresh schema. */
	public static PostgresTestDatabase create() {
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		admin("CREATE SCHEMA " + schema);
		return new PostgresTestDatabase(schema);
	}

	/** Runs statements on the test database outside any test schema. */
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

	private static String withParameter(String url, String parameter) {
		return url + (url.contains("?") ? "&" : "?") + parameter;
	}

	public String schema() {
		return this.schema;
	}

	@Override
	public TestDataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public String vendor() {
		return "postgresql";
	}

	@Override
	public List<String> tables() {
		return query("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = '" + this.schema
				+ "' ORDER BY tablename")
			.stream()
			.map((Map<String, Object> row) -> String.valueOf(row.get("tablename")))
			.toList();
	}

	@Override
	public void close() {
		admin("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
	}

	@Override
	public String toString() {
		return "PostgreSQL";
	}

}
