package dev.migrations.sample.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrations.Migrator;
import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresMariaDb;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDataSource;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own migrations, down and up again with rows in every table: each Down
 * that keeps data keeps every row (SQLite rebuilds tables in 00004 and 00006 and must
 * copy them), and the Ups bring old rows forward.
 */
class MigrationRoundTripTests {

	private static final String[] ROWS = {
			"INSERT INTO projects (id, name, api_key, is_active, created_at, updated_at, deactivated_at) VALUES"
					+ " ('p1', 'alpha', 'sk-alpha', TRUE, '2024-05-01 10:00:00.000', '2024-05-01 10:00:00.000', NULL),"
					+ " ('p2', 'beta', 'sk-beta', FALSE, '2024-05-02 10:00:00.000', '2024-05-03 10:00:00.000',"
					+ " '2024-05-03 10:00:00.000')",
			"INSERT INTO tokens (id, token, project_id, expires_at, is_active, request_count, max_requests, created_at,"
					+ " last_used_at, deactivated_at, cache_hit_count) VALUES"
					+ " ('11111111-1111-4111-8111-111111111111', 'secret-1', 'p1', NULL, TRUE, 3, NULL,"
					+ " '2024-05-01 11:00:00.000', '2024-05-04 09:00:00.000', NULL, 2),"
					+ " ('22222222-2222-4222-8222-222222222222', 'secret-2', 'p1', '2030-01-01 00:00:00.000', TRUE, 0, 10,"
					+ " '2024-05-01 12:00:00.000', NULL, NULL, 0),"
					+ " ('33333333-3333-4333-8333-333333333333', 'secret-3', 'p2', NULL, FALSE, 7, 7,"
					+ " '2024-05-02 11:00:00.000', '2024-05-02 12:00:00.000', '2024-05-03 10:00:00.000', 1)",
			"INSERT INTO audit_events (id, timestamp, action, actor, project_id, outcome, reason, token_id) VALUES"
					+ " ('a1', '2024-05-01 10:00:00.000', 'project.create', 'management-api', 'p1', 'success', NULL, NULL),"
					+ " ('a2', '2024-05-02 11:30:00.000', 'token.check', 'proxy', 'p2', 'denied', 'over_limit',"
					+ " '33333333-3333-4333-8333-333333333333'),"
					+ " ('a3', '2024-05-03 10:00:00.000', 'project.deactivate', 'management-api', 'p2', 'error', 'boom', NULL)" };

	@Test
	void everyDownKeepsTheRowsAndEveryUpBringsThemBackOnSqlite() {
		try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
			// As the application connects: SQLite checks REFERENCES only when asked to.
			roundTrip(database, new TestDataSource("jdbc:sqlite:" + database.file() + "?foreign_keys=true"));
		}
	}

	@Test
	@RequiresPostgres
	void everyDownKeepsTheRowsAndEveryUpBringsThemBackOnPostgresql() {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			roundTrip(database, database.dataSource());
		}
	}

	/** MySQL's set, run on MariaDB as the application's mysql profile runs it. */
	@Test
	@RequiresMariaDb
	void everyDownKeepsTheRowsAndEveryUpBringsThemBackOnMysql() {
		try (MariaDbTestDatabase database = MariaDbTestDatabase.create()) {
			roundTrip(database, database.dataSource());
		}
	}

	private static void roundTrip(TestDatabase database, DataSource dataSource) {
		String set = database.vendor().equals("mariadb") ? "mysql" : database.vendor();
		Migrator migrator = Migrator.builder()
			.dataSource(dataSource)
			.locations("classpath:db/migrations/" + set)
			.build();
		migrator.up();
		execute(dataSource, ROWS);
		Map<String, Object> counts = Map.of("projects", 2L, "tokens", 3L, "audit_events", 3L);
		assertThat(counts(database)).isEqualTo(counts);

		migrator.downTo(6);
		assertThat(indexes(database)).doesNotContain("idx_audit_project_timestamp");
		assertThat(counts(database)).isEqualTo(counts);

		migrator.downTo(5);
		assertThat(values(database, "SELECT id, outcome FROM audit_events ORDER BY id"))
			.isEqualTo(List.of("a1 success", "a2 failure", "a3 failure"));
		assertThat(counts(database)).isEqualTo(counts);

		migrator.downTo(4);
		assertThat(columns(database, "projects")).contains("openai_api_key").doesNotContain("api_key");
		assertThat(values(database, "SELECT id, openai_api_key FROM projects ORDER BY id"))
			.isEqualTo(List.of("p1 sk-alpha", "p2 sk-beta"));

		migrator.downTo(3);
		assertThat(columns(database, "tokens")).doesNotContain("id");
		assertThat(values(database,
				"SELECT token, project_id, request_count, max_requests, cache_hit_count FROM tokens"
						+ " ORDER BY token"))
			.isEqualTo(List.of("secret-1 p1 3 null 2", "secret-2 p1 0 10 0", "secret-3 p2 7 7 1"));
		assertThat(counts(database)).isEqualTo(counts);

		migrator.downTo(2);
		assertThat(columns(database, "tokens")).doesNotContain("cache_hit_count");
		assertThat(counts(database)).isEqualTo(counts);

		migrator.downTo(1);
		assertThat(columns(database, "projects")).doesNotContain("deactivated_at");
		assertThat(columns(database, "tokens")).doesNotContain("deactivated_at");
		assertThat(counts(database)).isEqualTo(counts);
		assertThat(migrator.version().version()).isEqualTo(1);

		migrator.up();
		assertThat(migrator.version().version()).isEqualTo(7);
		assertThat(counts(database)).isEqualTo(counts);
		assertThat(values(database, "SELECT id, api_key FROM projects ORDER BY id"))
			.isEqualTo(List.of("p1 sk-alpha", "p2 sk-beta"));
		List<String> ids = values(database, "SELECT id FROM tokens");
		assertThat(ids).hasSize(3)
			.doesNotHaveDuplicates()
			.allSatisfy((id) -> assertThat(id)
				.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
		assertThat(indexes(database)).contains("idx_audit_project_timestamp", "idx_tokens_token");

		migrator.downTo(0);
		assertThat(database.tables()).containsExactly("goose_db_version", "goose_db_version_meta");
		migrator.up();
		assertThat(database.tables()).containsExactly("audit_events", "goose_db_version", "goose_db_version_meta",
				"projects", "tokens");
		assertThat(counts(database)).isEqualTo(Map.of("projects", 0L, "tokens", 0L, "audit_events", 0L));
	}

	private static Map<String, Object> counts(TestDatabase database) {
		return Map.of("projects", database.count("SELECT COUNT(*) FROM projects"), "tokens",
				database.count("SELECT COUNT(*) FROM tokens"), "audit_events",
				database.count("SELECT COUNT(*) FROM audit_events"));
	}

	/** Each row's values, separated by spaces. */
	private static List<String> values(TestDatabase database, String sql) {
		return database.query(sql)
			.stream()
			.map((row) -> row.values().stream().map(String::valueOf).collect(Collectors.joining(" ")))
			.toList();
	}

	private static List<String> columns(TestDatabase database, String table) {
		String sql = switch (database.vendor()) {
			case "sqlite" -> "SELECT name FROM pragma_table_info('" + table + "')";
			case "mariadb" -> "SELECT column_name AS name FROM information_schema.columns"
					+ " WHERE table_schema = DATABASE() AND table_name = '" + table + "'";
			default ->
				"SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema()"
						+ " AND table_name = '" + table + "'";
		};
		return database.query(sql).stream().map((row) -> String.valueOf(row.get("name"))).toList();
	}

	private static List<String> indexes(TestDatabase database) {
		String sql = switch (database.vendor()) {
			case "sqlite" -> "SELECT name FROM sqlite_master WHERE type = 'index'";
			case "mariadb" -> "SELECT DISTINCT index_name AS name FROM information_schema.statistics"
					+ " WHERE table_schema = DATABASE()";
			default -> "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()";
		};
		return database.query(sql).stream().map((row) -> String.valueOf(row.get("name"))).toList();
	}

	private static void execute(DataSource dataSource, String... statements) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
