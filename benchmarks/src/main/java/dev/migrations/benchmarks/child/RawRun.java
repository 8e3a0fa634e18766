package dev.migrations.benchmarks.child;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrations.benchmarks.MigrationSql;

/**
 * The floor for doing the same work safely with plain JDBC: a minimal history table, its
 * highest version read once, and each pending migration's statements in one transaction
 * with its history row. No files, no checksums, no lock. With nothing pending this is a
 * single {@code MAX(version)} query.
 */
final class RawRun implements ToolRun {

	/** The history table plain JDBC keeps. */
	static final String HISTORY = "bench_history";

	@Override
	public void migrate(String url, Path files, int count) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url)) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE IF NOT EXISTS " + HISTORY
						+ " (version BIGINT PRIMARY KEY, applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
			}
			long current = currentVersion(connection);
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement();
					PreparedStatement record = connection
						.prepareStatement("INSERT INTO " + HISTORY + " (version) VALUES (?)")) {
				for (long version = current + 1; version <= count; version++) {
					apply(connection, statement, record, version);
				}
			}
		}
	}

	private static long currentVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + HISTORY)) {
			max.next();
			return max.getLong(1);
		}
	}

	private static void apply(Connection connection, Statement statement, PreparedStatement record, long version)
			throws SQLException {
		try {
			for (String sql : MigrationSql.up(version)) {
				statement.execute(sql);
			}
			record.setLong(1, version);
			record.executeUpdate();
			connection.commit();
		}
		catch (SQLException ex) {
			connection.rollback();
			throw ex;
		}
	}

}
