package dev.migrations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials in JDBC URLs and in the drivers' messages that name them are hidden
 * wherever the engine shows them.
 */
class RedactionTests {

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

	/**
	 * Passwords holding the characters that end a guessed secret, each with a marker
	 * after that character.
	 */
	static Stream<String> passwords() {
		return Stream.of("abc;SECRETQX", "abc'SECRETQX", "abc SECRETQX", "ab/SECRETQX", "ab@SECRETQX", "ab&SECRETQX",
				"ab%SECRETQX", "ab\"SECRETQX", "ab#SECRETQX", "ab:SECRETQX", "SECRETQX");
	}

	@ParameterizedTest
	@MethodSource("passwords")
	void aConfiguredPasswordIsHiddenWhateverItHolds(String password) {
		Redaction redaction = Redaction.forConnection("jdbc:postgresql://db/app", password);

		assertThat(redaction.apply("FATAL: user app with password " + password + " refused")).doesNotContain("SECRETQX")
			.contains("FATAL: user app with password *** refused");
		assertThat(redaction.apply("url ...&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
			.doesNotContain("SECRETQX");
	}

	@ParameterizedTest
	@MethodSource("passwords")
	void aPasswordParameterOfTheUrlIsHiddenAsWrittenAndDecoded(String password) {
		String encoded = password.replace("%", "%25").replace("&", "%26").replace("#", "%23");
		String url = "jdbc:postgresql://127.0.0.1:99999/app?user=app&password=" + encoded + "&ssl=false";
		Redaction redaction = Redaction.forConnection(url, null);

		assertThat(redaction.apply("Unable to parse URL " + url)).doesNotContain("SECRETQX")
			.startsWith("Unable to parse URL jdbc:postgresql://127.0.0.1:99999/app?user=app&password=***");
		assertThat(redaction.apply("the server refused " + password)).doesNotContain("SECRETQX");
	}

	@ParameterizedTest
	@MethodSource("passwords")
	void thePasswordOfTheUrlsUserInformationIsHiddenEvenInAMistypedUrl(String password) {
		String url = "jdbc:postgres://app:" + password + "@127.0.0.1/test";
		Redaction redaction = Redaction.forConnection(url, null);

		assertThat(redaction.apply("No suitable driver found for " + url)).doesNotContain("SECRETQX")
			.isEqualTo("No suitable driver found for jdbc:postgres://app:***@127.0.0.1/test");
	}

	@ParameterizedTest
	@MethodSource("passwords")
	void whatAnotherMaskerLeftOfASecretIsHidden(String password) {
		String url = "jdbc:postgresql://127.0.0.1:99999/test?password=" + password;
		// HikariCP masks a password parameter up to the first ';', '&' or '#'.
		String hikari = "Driver org.postgresql.Driver claims to not accept jdbcUrl, "
				+ url.replaceAll("(password=)[^&#;]*", "$1<masked>");

		assertThat(Redaction.forConnection(url, null).apply(hikari)).doesNotContain("SECRETQX");
	}

	@Test
	void aShortSecretIsHiddenOnlyWhereItStandsAlone() {
		Redaction redaction = Redaction.forConnection(null, "ab");

		assertThat(redaction.apply("about ab: cab ab")).isEqualTo("about ***: cab ***");
	}

	@Test
	void theSecretsOfADataSourceAreReadFromItsProperties() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:99999/app?password=abc;SECRETQX1");
		dataSource.setPassword("pw'SECRETQX2");

		Redaction redaction = Redaction.forDataSource(dataSource);

		assertThat(redaction.apply("a ;SECRETQX1 and pw'SECRETQX2")).doesNotContain("SECRETQX");
	}

	@Test
	void keepsNothingAsNothing() {
		assertThat(Redaction.credentials((String) null)).isNull();
	}

	@Test
	void aDatabaseAccessFailureShowsTheDriversMessageWithoutItsCredentials() {
		SQLException driver = new SQLException("No suitable driver found for jdbc:x://db/app?password=hunter2",
				"08001");

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
