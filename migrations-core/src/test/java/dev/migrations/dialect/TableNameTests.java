package dev.migrations.dialect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrations.MigrationConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A version table name is a plain lower-case identifier, optionally qualified by a
 * schema, and nothing else.
 */
class TableNameTests {

	@ParameterizedTest
	@ValueSource(strings = { "goose_db_version", "schema_migrations", "_versions", "v2", "a" })
	void acceptsAPlainLowerCaseIdentifier(String value) {
		TableName name = TableName.parse(value);

		assertThat(name.schema()).isNull();
		assertThat(name.name()).isEqualTo(value);
		assertThat(name).hasToString(value);
	}

	@Test
	void readsASchemaQualifiedName() {
		TableName name = TableName.parse("audit.goose_db_version");

		assertThat(name.schema()).isEqualTo("audit");
		assertThat(name.name()).isEqualTo("goose_db_version");
		assertThat(name).hasToString("audit.goose_db_version");
	}

	@Test
	void acceptsAnIdentifierOfSixtyThreeCharacters() {
		String longest = "t".repeat(63);

		assertThat(TableName.parse(longest).name()).isEqualTo(longest);
		assertThat(TableName.parse(longest + "." + longest).schema()).isEqualTo(longest);
	}

	@Test
	void refusesAnIdentifierOfSixtyFourCharacters() {
		assertInvalid("t".repeat(64), "at most 63 characters");
		assertInvalid("audit." + "t".repeat(64), "at most 63 characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Goose_db_version", "SCHEMA_MIGRATIONS", "Audit.versions", "audit.Versions" })
	void refusesUpperCaseLetters(String value) {
		assertInvalid(value, "is not a plain identifier");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"versions\"", "`versions`", "versions;", "versions; DROP TABLE users", "my versions",
			" versions", "versions ", "ver-sions", "1versions", "versiøns", "versions\n", "audit.\"versions\"" })
	void refusesAnythingButLettersDigitsAndUnderscores(String value) {
		assertInvalid(value, "is not a plain identifier");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t" })
	void refusesAnEmptyName(String value) {
		assertInvalid(value, "it is empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".versions", "audit.", "." })
	void refusesAnEmptySchemaOrTable(String value) {
		assertInvalid(value, "'' is not a plain identifier");
	}

	@ParameterizedTest
	@ValueSource(strings = { "db.audit.versions", "a..b", "a.b.c.d" })
	void refusesMoreThanTwoParts(String value) {
		assertInvalid(value, "it has more than one '.'; use table or schema.table");
	}

	@Test
	void namesTheTableOptionAndTheValueInItsError() {
		assertThatExceptionOfType(MigrationConfigurationException.class).isThrownBy(() -> TableName.parse("Versions"))
			.withMessage("Invalid version table name 'Versions': 'Versions' is not a plain identifier (lower-case"
					+ " letters, digits and _, starting with a letter or _, at most 63 characters).")
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo("table"));
	}

	@Test
	void namesTheOptionThatSetTheTable() {
		assertThatExceptionOfType(MigrationConfigurationException.class)
			.isThrownBy(() -> TableName.parse("meta; DROP TABLE users", "metadataTable", "metadata table"))
			.withMessageStartingWith("Invalid metadata table name 'meta; DROP TABLE users': ")
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo("metadataTable"));
	}

	@Test
	void replacesTheTableButKeepsTheSchema() {
		assertThat(TableName.parse("audit.goose_db_version").withName("goose_lock"))
			.isEqualTo(new TableName("audit", "goose_lock"));
		assertThat(TableName.parse("goose_db_version").withName("goose_lock"))
			.isEqualTo(new TableName(null, "goose_lock"));
	}

	private static void assertInvalid(String value, String reason) {
		assertThatExceptionOfType(MigrationConfigurationException.class).isThrownBy(() -> TableName.parse(value))
			.withMessageContaining(reason)
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo("table"));
	}

}
