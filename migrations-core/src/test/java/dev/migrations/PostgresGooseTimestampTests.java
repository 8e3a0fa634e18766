package dev.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresScratchDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * goose's {@code tstamp} is a {@code timestamp without time zone} that goose fills with
 * {@code now()} in its session's time zone, the server's default (goose's drivers send
 * none). The PostgreSQL JDBC driver sends the JVM's, so the engine must write and read
 * the column in goose's zone itself: a version applied by this engine seconds after
 * goose's must read as seconds later, in goose's table and in the engine's status,
 * whatever the JVM's zone. Each case sets the server default on a database of its own and
 * runs the engine under another {@code user.timezone}.
 */
@RequiresPostgres
class PostgresGooseTimestampTests {

	@ParameterizedTest(name = "server default {0}, JVM {1}")
	@CsvSource({ "UTC, Asia/Tokyo", "Asia/Tokyo, UTC", "America/Los_Angeles, Asia/Kolkata",
			"the configuration file's, Pacific/Auckland" })
	void versionsAppliedByGooseAndThenByTheEngineReadAsAppliedMomentsApart(String serverZone, String jvmZone)
			throws Exception {
		try (PostgresScratchDatabase database = PostgresScratchDatabase.create()) {
			if (serverZone.startsWith("the configuration file")) {
				// No setting for the database or role: the server's configuration
				// decides.
				serverZone = database.query("SELECT coalesce((SELECT setting FROM pg_file_settings"
						+ " WHERE lower(name) = 'timezone' AND applied ORDER BY seqno DESC LIMIT 1), 'GMT') AS zone")
					.get(0)
					.get("zone")
					.toString();
			}
			else {
				database.execute("ALTER DATABASE " + database.name() + " SET timezone = '" + serverZone + "'");
			}
			MigrationDir dir = MigrationDir.create()
				.goose("00001_a.sql", "CREATE TABLE a (id integer);", "DROP TABLE a;")
				.goose("00002_b.sql", "CREATE TABLE b (id integer);", "DROP TABLE b;");
			applyFirstAsGooseDoes(database, serverZone);

			MigrationStatus gooses;
			MigrationStatus engines;
			TimeZone jvm = TimeZone.getDefault();
			TimeZone.setDefault(TimeZone.getTimeZone(jvmZone));
			try {
				Migrator migrator = Migrator.builder()
					.dataSource(database.dataSource())
					.locations(dir.location())
					.build();
				assertThat(migrator.up().finalVersion()).isEqualTo(2);
				StatusReport status = migrator.status();
				gooses = status.migrations().get(0);
				engines = status.migrations().get(1);
			}
			finally {
				TimeZone.setDefault(jvm);
			}

			// In goose's table, as goose reads it: the wall-clock times are seconds
			// apart.
			assertThat(database.count("SELECT extract(epoch FROM max(tstamp) - min(tstamp))::bigint"
					+ " FROM goose_db_version WHERE version_id > 0"))
				.isBetween(0L, 60L);
			// In the engine's status: both read as the moment they were applied.
			assertThat(Duration.between(gooses.appliedAt(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
			assertThat(Duration.between(engines.appliedAt(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
		}
	}

	@Test
	void roleSettingOverridesTheDatabasesAsForGoose() throws Exception {
		try (PostgresScratchDatabase database = PostgresScratchDatabase.create()) {
			database.execute("ALTER DATABASE " + database.name() + " SET timezone = 'UTC'",
					"ALTER ROLE CURRENT_USER IN DATABASE " + database.name() + " SET timezone = 'Asia/Tokyo'");
			try {
				MigrationDir dir = MigrationDir.create()
					.goose("00001_a.sql", "CREATE TABLE a (id integer);", "DROP TABLE a;")
					.goose("00002_b.sql", "CREATE TABLE b (id integer);", "DROP TABLE b;");
				applyFirstAsGooseDoes(database, "Asia/Tokyo");

				Migrator.builder().dataSource(database.dataSource()).locations(dir.location()).build().up();

				assertThat(database.count("SELECT extract(epoch FROM max(tstamp) - min(tstamp))::bigint"
						+ " FROM goose_db_version WHERE version_id > 0"))
					.isBetween(0L, 60L);
			}
			finally {
				database.execute("ALTER ROLE CURRENT_USER IN DATABASE " + database.name() + " RESET timezone");
			}
		}
	}

	/**
	 * goose's first version, written as goose writes it: table, version-0 row and row,
	 * each {@code tstamp} from {@code now()} in the session's zone, which for goose is
	 * the server default.
	 */
	private static void applyFirstAsGooseDoes(PostgresScratchDatabase database, String serverZone) throws Exception {
		try (Connection goose = DriverManager.getConnection(database.dataSource().url());
				Statement statement = goose.createStatement()) {
			statement.execute("SET TimeZone = '" + serverZone + "'");
			statement.execute("CREATE TABLE goose_db_version (id integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,"
					+ " version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp NOT NULL DEFAULT now())");
			statement.execute("INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true)");
			statement.execute("CREATE TABLE a (id integer)");
			statement.execute("INSERT INTO goose_db_version (version_id, is_applied) VALUES (1, true)");
		}
	}

}
