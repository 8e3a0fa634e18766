package dev.migrations.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migrations.Redaction;

/**
 * Checks, from the parent's own connection, that a tool really applied N migrations: N
 * benchmark tables exist and the tool's history holds N versions. A tool that claims
 * success without doing the work fails the benchmark.
 */
public final class AppliedCheck {

	private AppliedCheck() {
	}

	/**
	 * Verifies a database after a tool's run.
	 * @param tool the tool that ran
	 * @param database its database
	 * @param expected how many migrations it must hold
	 * @throws BenchmarkException when it holds another number
	 */
	public static void verify(Tool tool, ScratchDatabase database, int expected) {
		try (Connection connection = database.connect()) {
			long tables = count(connection, tablesQuery(database.kind()));
			long history = count(connection, historyQuery(tool));
			if (tables != expected || history != expected) {
				throw new BenchmarkException(
						tool.key() + " on " + database.kind().key() + " claims success, but the" + " database holds "
								+ tables + " benchmark tables and " + history + " history rows, not " + expected);
			}
		}
		catch (SQLException ex) {
			throw new BenchmarkException("Cannot check what " + tool.key() + " applied on " + database.name() + ": "
					+ Redaction.credentials(ex.getMessage()), ex);
		}
	}

	static String tablesQuery(DatabaseKind kind) {
		return switch (kind) {
			case SQLITE -> "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name GLOB 't[0-9]*'";
			case POSTGRES -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
					+ " AND table_name ~ '^t[0-9]+$'";
		};
	}

	static String historyQuery(Tool tool) {
		return switch (tool) {
			case OURS -> "SELECT COUNT(*) FROM goose_db_version WHERE version_id > 0";
			case FLYWAY -> "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL";
			case LIQUIBASE -> "SELECT COUNT(*) FROM databasechangelog";
			case RAW -> "SELECT COUNT(*) FROM bench_history";
		};
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
