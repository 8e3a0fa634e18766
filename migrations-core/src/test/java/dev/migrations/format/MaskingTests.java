package dev.migrations.format;

import java.sql.SQLException;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which names hold secrets, and how their values are hidden from everything that shows a
 * statement.
 */
class MaskingTests {

	@ParameterizedTest
	@ValueSource(strings = { "db_password", "DB_PASSWORD", "passwd", "pwd", "client_secret", "API_TOKEN", "signing_key",
			"apiKey", "aws_credentials" })
	void namesThatMentionASecretLookSecret(String name) {
		assertThat(Masking.looksSecret(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "owner", "schema", "table_name", "REGION", "user" })
	void otherNamesDoNot(String name) {
		assertThat(Masking.looksSecret(name)).isFalse();
	}

	@Test
	void masksEveryOccurrenceAndTheLongerOfTwoOverlappingValuesWhole() {
		Masking masking = new Masking(Set.of("abc", "abcdef", ""));

		assertThat(masking.mask("x abcdef y abc z abcdef")).isEqualTo("x *** y *** z ***");
		assertThat(masking.mask(null)).isNull();
		assertThat(masking.isEmpty()).isFalse();
		assertThat(masking).hasToString("Masking[2 values]");
	}

	@Test
	void masksNothingWithoutValues() {
		assertThat(Masking.NONE.mask("password=abc")).isEqualTo("password=abc");
		assertThat(Masking.NONE.isEmpty()).isTrue();
	}

	@Test
	void aDriverExceptionQuotingASecretIsCopiedWithItsStateAndWithoutItsCause() {
		SQLException original = new SQLException("relation \"tok_123\" does not exist", "42P01", 7,
				new SQLException("tok_123 again"));
		Masking masking = new Masking(Set.of("tok_123"));

		SQLException shown = masking.safe(original);

		assertThat(shown.getMessage()).isEqualTo("relation \"***\" does not exist");
		assertThat(shown.getSQLState()).isEqualTo("42P01");
		assertThat(shown.getErrorCode()).isEqualTo(7);
		assertThat(shown.getCause()).isNull();
		assertThat((Object[]) shown.getStackTrace()).isEqualTo(original.getStackTrace());
		SQLException harmless = new SQLException("syntax error");
		assertThat((Object) masking.safe(harmless)).isSameAs(harmless);
	}

}
