package dev.migrations.parser;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationParseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks how golang-migrate files, which hold nothing but SQL, are split into statements.
 */
class PlainSqlParserTests {

	private static final String FILE = "migrations/000003_add_parcels.up.sql";

	@Test
	void statementsEndAtTheirSemicolons() {
		assertThat(sqlOf(parse("CREATE TABLE a (id integer);\nCREATE TABLE b (id integer);\n")))
			.containsExactly("CREATE TABLE a (id integer);", "CREATE TABLE b (id integer);");
	}

	@Test
	void lastStatementMayOmitItsSemicolon() {
		assertThat(sqlOf(parse("SELECT 1;\nSELECT\n  2\n"))).containsExactly("SELECT 1;", "SELECT\n  2");
	}

	@Test
	void lastStatementWithoutSemicolonKeepsItsTrailingComment() {
		assertThat(sqlOf(parse("SELECT 1 -- the only one"))).containsExactly("SELECT 1 -- the only one");
	}

	@Test
	void gooseAnnotationsAreOrdinaryComments() {
		assertThat(sqlOf(parse("-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n"))).containsExactly("SELECT 1;",
				"SELECT 2;");
	}

	@Test
	void emptyFileHasNoStatements() {
		ParsedSection section = parse("");

		assertThat(section.isValid()).isTrue();
		assertThat(section.statements()).isEmpty();
	}

	@Test
	void commentOnlyFileHasNoStatements() {
		assertThat(sqlOf(parse("-- nothing yet\n\n/* later */\n"))).isEmpty();
	}

	@Test
	void statementsRecordTheirLines() {
		assertThat(parse("\n-- header\nSELECT 1;\n\nSELECT\n2").statements()).extracting(SqlStatement::line)
			.containsExactly(3, 5);
	}

	@Test
	void triggerAndFunctionBodiesStayWhole() {
		String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END;";
		String function = "CREATE FUNCTION f() RETURNS void AS $$ DELETE FROM b; $$ LANGUAGE sql;";

		assertThat(sqlOf(parse(trigger + "\n" + function + "\n"))).containsExactly(trigger, function);
	}

	@Test
	void unterminatedStringIsAnErrorNamingFileAndLine() {
		ParsedSection section = parse("SELECT 1;\nSELECT 'open;\n");

		assertThat(section.isValid()).isFalse();
		assertThat(section.statements()).isEmpty();
		MigrationParseException error = section.error();
		assertThat(error.file()).isEqualTo(FILE);
		assertThat(error.line()).isEqualTo(2);
		assertThat(error.reason()).isEqualTo("unterminated string literal");
	}

	@Test
	void unterminatedTriggerBodyIsAcceptedAsTheLastStatement() {
		assertThat(sqlOf(parse("CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b;")))
			.containsExactly("CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b;");
	}

	@Test
	void unterminatedBlockCommentIsAnError() {
		assertThat(parse("SELECT 1; /* open\n").error().reason()).isEqualTo("unterminated block comment");
	}

	private static ParsedSection parse(String text) {
		return PlainSqlParser.parse(FILE, text);
	}

	private static List<String> sqlOf(ParsedSection section) {
		assertThat(section.error()).as("parse error").isNull();
		return section.statements().stream().map(SqlStatement::sql).toList();
	}

}
