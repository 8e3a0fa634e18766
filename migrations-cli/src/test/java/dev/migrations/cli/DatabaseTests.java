package dev.migrations.cli;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code --db} value: JDBC URLs, SQLite paths, and URLs whose passwords must never be
 * shown.
 */
class DatabaseTests {

	@Test
	void plainPathMeansASqliteFile() {
		Database database = Database.of("data/app.db", null, null);

		assertThat(database.vendor()).isEqualTo("sqlite");
		assertThat(database.redactedUrl()).isEqualTo("jdbc:sqlite:data/app.db");
	}

	@Test
	void vendorComesFromTheUrl() {
		assertThat(Database.of("jdbc:postgresql://db/app", null, null).vendor()).isEqualTo("postgresql");
		assertThat(Database.of("jdbc:sqlite::memory:", null, null).vendor()).isEqualTo("sqlite");
	}

	@Test
	void passwordsAreRedactedWhereverTheUrlCarriesThem() {
		assertThat(redacted("jdbc:postgresql://db/app?user=u&password=hunter2&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/app?user=u&password=***&ssl=true");
		assertThat(redacted("jdbc:postgresql://u:hunter2@db/app")).isEqualTo("jdbc:postgresql://u:***@db/app");
		assertThat(redacted("jdbc:sqlserver://db;user=u;Password=hunter2;encrypt=true"))
			.isEqualTo("jdbc:sqlserver://db;user=u;Password=***;encrypt=true");
		assertThat(redacted("jdbc:mysql://db/app?pwd=hunter2")).isEqualTo("jdbc:mysql://db/app?pwd=***");
		assertThat(redacted("jdbc:postgresql://db/app?password=abc;hunter2&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/app?password=***&ssl=true");
		assertThat(redacted("jdbc:postgres://u:ab/hunter2@db/app")).isEqualTo("jdbc:postgres://u:***@db/app");
	}

	private static String redacted(String url) {
		return Database.of(url, null, null).redactedUrl();
	}

	@Test
	void driverErrorsDoNotCarryThePassword() {
		Database database = Database.of("jdbc:nosuchdriver://db/app?password=hunter2", null, null);

		assertThatExceptionOfType(SQLException.class).isThrownBy(database::getConnection)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("hunter2").contains("password=***"));
		assertThat(database).hasToString("jdbc:nosuchdriver://db/app?password=***");
	}

}
