package dev.migrations;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials in JDBC URLs and in the drivers' messages that name them are hidden wherever the engine shows them. */
class RedactionTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"jdbc:postgresql://db/app?user=u&password=hunter2&ssl=true | jdbc:postgresql://db/app?user=u&password=***&ssl=true",
			"jdbc:postgresql://u:hunter2@db/app | jdbc:postgresql://u:***@db/app",
			"jdbc:sqlserver://db;user=u;Password=hunter2;encrypt=true | jdbc:sqlserver://db;user=u;Password=***;encrypt=true",
			"jdbc:mysql://db/app?pwd=hunter2 | jdbc:mysql://db/app?pwd=***",
			"jdbc:postgresql://db/app?sslpassword=hunter2&sslmode=require | jdbc:postgresql://db/app?sslpassword=***&sslmode=require",
			"jdbc:x://db/app?client_secret=hunter2&access_token=hunter3 | jdbc:x://db/app?client_secret=***&access_token=***",
			"No suitable driver found for jdbc:x://db/app?password=hunter2 | No suitable driver found for jdbc:x://db/app?password=***",
			"jdbc:postgresql://db/app?user=u | jdbc:postgresql://db/app?user=u" })
	void hidesEveryCredentialAndNothingElse(String text, String redacted) {
		assertThat(Redaction.credentials(text)).isEqualTo(redacted);
	}

	@Test
	void keepsNothingAsNothing() {
		assertThat(Redaction.credentials((String) null)).isNull();
	}

	@Test
	void aDatabaseAccessFailureShowsTheDriversMessageWithoutItsCredentials() {
		SQLException driver = new SQLException("No suitable driver found for jdbc:x://db/app?password=hunter2", "08001");

		DatabaseAccessException failure = new DatabaseAccessException("connecting to the database", driver);

		assertThat(failure.getMessage()).isEqualTo("Failed connecting to the database: No suitable driver found for"
				+ " jdbc:x://db/app?password=*** [SQLState 08001]");
		assertThat(failure.databaseMessage()).doesNotContain("hunter2");
		assertThat(failure.getCause()).hasMessageNotContaining("hunter2").isInstanceOf(SQLException.class);
		assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo("08001");
		assertThat(failure.sqlState()).isEqualTo("08001");
	}

	@Test
	void aDatabaseAccessFailureWithoutCredentialsKeepsTheDriversException() {
		SQLException driver = new SQLException("Connection refused", "08001");

		assertThat(new DatabaseAccessException("connecting to the database", driver).getCause()).isSameAs(driver);
	}

}
