package dev.migrations.sample.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresMariaDb;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlValuesTests {

	private static final List<Instant> TIMES = List.of(Instant.parse("1999-12-31T23:59:59.999Z"),
			Instant.parse("2024-02-29T12:00:00Z"), Instant.parse("2024-02-29T12:00:00.001Z"),
			Instant.parse("2024-02-29T12:00:00.010Z"), Instant.parse("2024-02-29T12:00:00.100Z"),
			Instant.parse("2024-02-29T12:00:01Z"), Instant.parse("2099-01-01T00:00:00Z"));

	@Test
	void sqliteWritesUtcTextInTheFormOfItsOwnClock() {
		assertThat(new SqliteValues().instant(Instant.parse("2024-05-01T12:30:00Z")))
			.isEqualTo("2024-05-01 12:30:00.000");
		assertThat(new SqliteValues().instant(null)).isNull();
	}

	@Test
	void sqliteReadsTheFormsOtherWritersUse() throws SQLException {
		Instant expected = Instant.parse("2024-05-01T12:30:00Z");

		assertThat(SqliteValues.parse("2024-05-01 12:30:00", "c")).isEqualTo(expected);
		assertThat(SqliteValues.parse("2024-05-01 12:30", "c")).isEqualTo(expected);
		assertThat(SqliteValues.parse("2024-05-01T12:30:00Z", "c")).isEqualTo(expected);
		assertThat(SqliteValues.parse("2024-05-01 14:30:00+02:00", "c")).isEqualTo(expected);
		assertThat(SqliteValues.parse("2024-05-01 12:30:00.123456789", "c")).isEqualTo(expected.plusNanos(123456789));
		assertThat(SqliteValues.parse("2024-05-01T07:30:00.5-0500", "c")).isEqualTo(expected.plusMillis(500));
	}

	@Test
	void sqliteRefusesTextThatIsNoTime() {
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> SqliteValues.parse("yesterday", "expires_at"))
			.withMessageContaining("expires_at")
			.withMessageContaining("yesterday");
	}

	@Test
	void sqliteStoresTimesThatReadBackAsWrittenAndCompareAsTimes() throws SQLException {
		try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
			database.execute(
					"CREATE TABLE t (id INTEGER PRIMARY KEY, at DATETIME, legacy DATETIME DEFAULT CURRENT_TIMESTAMP)");
			assertRoundTripAndOrder(database, new SqliteValues());
			// What SQLite itself writes is read as UTC too, and compares with what the
			// application writes.
			try (Connection connection = database.dataSource().getConnection();
					PreparedStatement query = connection
						.prepareStatement("SELECT legacy, legacy > ? AS after_2020 FROM t WHERE id = 1")) {
				query.setObject(1, new SqliteValues().instant(Instant.parse("2020-01-01T00:00:00Z")));
				try (ResultSet row = query.executeQuery()) {
					row.next();
					assertThat(new SqliteValues().readInstant(row, "legacy")).isBefore(Instant.now().plusSeconds(1));
					assertThat(row.getBoolean("after_2020")).isTrue();
				}
			}
		}
	}

	@Test
	void sqliteReadsEpochMillisecondsAsTheJdbcDriverWritesThem() throws SQLException {
		try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
			database.execute("CREATE TABLE t (at DATETIME)");
			Instant at = Instant.parse("2024-05-01T12:30:00.250Z");
			try (Connection connection = database.dataSource().getConnection()) {
				try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
					insert.setTimestamp(1, java.sql.Timestamp.from(at));
					insert.executeUpdate();
				}
				try (Statement statement = connection.createStatement();
						ResultSet row = statement.executeQuery("SELECT at FROM t")) {
					row.next();
					assertThat(new SqliteValues().readInstant(row, "at")).isEqualTo(at);
				}
			}
		}
	}

	@Test
	@RequiresPostgres
	void postgresqlStoresTimesThatNoSessionTimeZoneShifts() throws SQLException {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, at TIMESTAMP)");
			assertRoundTripAndOrder(database, new PostgresValues());
		}
	}

	@Test
	@RequiresMariaDb
	void mysqlStoresTimesThatNoSessionTimeZoneShifts() throws SQLException {
		try (MariaDbTestDatabase database = MariaDbTestDatabase.create()) {
			database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, at DATETIME(6))");
			assertRoundTripAndOrder(database, new MySqlValues());
		}
	}

	@Test
	void postgresqlBindsTokenIdsAsUuidsAndAnythingElseAsNoTokensId() {
		String id = UUID.randomUUID().toString();

		assertThat(new PostgresValues().tokenId(id)).isEqualTo(UUID.fromString(id));
		assertThat(new PostgresValues().tokenId("not-a-uuid")).isEqualTo(new UUID(0, 0));
		assertThat(new SqliteValues().tokenId("not-a-uuid")).isEqualTo("not-a-uuid");
	}

	/**
	 * Writes every time in a session whose zone is far from UTC, reads them back, and
	 * orders them in SQL.
	 */
	private static void assertRoundTripAndOrder(TestDatabase database, SqlValues values) throws SQLException {
		try (Connection connection = database.dataSource().getConnection()) {
			if (database.vendor().equals("postgresql")) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET TIME ZONE 'Pacific/Kiritimati'");
				}
			}
			if (database.vendor().equals("mariadb")) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET time_zone = '+13:00'");
				}
			}
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t (id, at) VALUES (?, ?)")) {
				for (int i = TIMES.size() - 1; i >= 0; i--) {
					insert.setInt(1, i + 1);
					insert.setObject(2, values.instant(TIMES.get(i)));
					insert.executeUpdate();
				}
			}
			List<Instant> read = new ArrayList<>();
			try (PreparedStatement query = connection.prepareStatement("SELECT at FROM t WHERE at >= ? ORDER BY at")) {
				query.setObject(1, values.instant(TIMES.get(1)));
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						read.add(values.readInstant(rows, "at"));
					}
				}
			}
			assertThat(read).isEqualTo(TIMES.subList(1, TIMES.size()));
		}
	}

}
