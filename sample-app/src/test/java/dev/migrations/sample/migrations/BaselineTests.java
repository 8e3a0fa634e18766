package dev.migrations.sample.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import dev.migrations.UnversionedDatabaseException;
import dev.migrations.sample.ProxyApplication;
import dev.migrations.sample.support.Api;
import dev.migrations.sample.support.SqliteApplicationTests;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A proxy database made by the old hand-written setup, with rows and no version table,
 * meets the application: baselined at version 6 and migrated forward at startup when
 * asked to, refused untouched when not.
 */
class BaselineTests {

	private static final String CHAT = "0b6f3c1e-5d2a-4c41-9a57-3f2e8d1c0a01";

	@TempDir
	Path directory;

	private SqliteTestDatabase legacyDatabase() throws IOException {
		SqliteTestDatabase database = SqliteTestDatabase.at(this.directory.resolve("proxy.db"));
		database.execute(statements("legacy/proxy-schema.sqlite.sql"));
		database.execute(statements("legacy/proxy-rows.sqlite.sql"));
		return database;
	}

	private ConfigurableApplicationContext start(String... properties) {
		String[] args = new String[properties.length + 2];
		args[0] = "--server.port=0";
		args[1] = "--spring.datasource.url=" + SqliteApplicationTests.sqliteUrl(this.directory.resolve("proxy.db"));
		System.arraycopy(properties, 0, args, 2, properties.length);
		return new SpringApplicationBuilder(ProxyApplication.class).run(args);
	}

	@Test
	void anExistingDatabaseIsBaselinedAtSixAndMigratedForwardKeepingEveryRow() throws IOException {
		try (SqliteTestDatabase database = legacyDatabase();
				ConfigurableApplicationContext context = start("--migrations.baseline-on-migrate=true",
						"--migrations.baseline-version=6")) {
			assertThat(database.count("SELECT COUNT(*) FROM projects")).isEqualTo(2);
			assertThat(database.count("SELECT COUNT(*) FROM tokens")).isEqualTo(3);
			assertThat(database.count("SELECT COUNT(*) FROM audit_events")).isEqualTo(3);
			assertThat(database.query("SELECT name FROM sqlite_master WHERE type = 'index'"))
				.anySatisfy((row) -> assertThat(row.get("name")).isEqualTo("idx_audit_project_timestamp"));
			assertThat(database.query("SELECT version_id FROM goose_db_version ORDER BY id"))
				.map((row) -> ((Number) row.get("version_id")).longValue())
				.containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);

			Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
			JsonNode chat = api.get("/api/projects/" + CHAT).json();
			assertThat(chat.get("name").asString()).isEqualTo("legacy-chat");
			assertThat(Instant.parse(chat.get("created_at").asString())).isEqualTo("2023-11-02T08:15:00Z");
			assertThat(api.get("/api/projects/" + CHAT + "/tokens").json().values()).hasSize(2);
			JsonNode check = api.post("/v1/tokens/check", Api.json("token", "legacy-secret-one")).json();
			assertThat(check.get("status").asString()).isEqualTo("valid");
			assertThat(check.get("request_count").asLong()).isEqualTo(42);
			assertThat(api.post("/v1/tokens/check", Api.json("token", "legacy-secret-two"))
				.json()
				.get("status")
				.asString()).isEqualTo("expired");
			assertThat(api.get("/api/audit-events?project_id=" + CHAT + "&to=2024-06-01T00:00:00Z")
				.json()
				.get("items")
				.values()).map((event) -> event.get("action").asString())
				.containsExactly("token.check", "project.create");
		}
	}

	@Test
	void withoutABaselineAnExistingDatabaseStopsTheStartAndStaysAsItWas() throws IOException {
		try (SqliteTestDatabase database = legacyDatabase()) {
			assertThatThrownBy(this::start).isInstanceOf(UnversionedDatabaseException.class);

			assertThat(database.tables()).doesNotContain("goose_db_version");
			assertThat(database.count("SELECT COUNT(*) FROM tokens")).isEqualTo(3);
			assertThat(database.query("SELECT name FROM sqlite_master WHERE type = 'index'"))
				.noneSatisfy((row) -> assertThat(row.get("name")).isEqualTo("idx_audit_project_timestamp"));
		}
	}

	private static String[] statements(String resource) throws IOException {
		try (InputStream in = BaselineTests.class.getClassLoader().getResourceAsStream(resource)) {
			String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
			List<String> statements = Arrays.stream(sql.split(";"))
				.map(String::strip)
				.filter((s) -> !s.isEmpty())
				.toList();
			return statements.toArray(String[]::new);
		}
	}

}
