package dev.migrations.parser;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationParseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks how the goose parser reads sections, blocks, transaction mode and ENVSUB, and
 * where errors land.
 */
class GooseParserTests {

	private static final String FILE = "db/migrations/00042_orders.sql";

	@Test
	void upAndDownSectionsHoldTheirOwnStatements() {
		GooseScript script = parse("-- +goose Up", "CREATE TABLE orders (id integer);", "-- +goose Down",
				"DROP TABLE orders;");

		assertThat(sqlOf(script.up())).containsExactly("CREATE TABLE orders (id integer);");
		assertThat(sqlOf(script.down())).containsExactly("DROP TABLE orders;");
		assertThat(script.transactional()).isTrue();
	}

	@Test
	void fileWithoutDownHasAnEmptyValidDownSection() {
		GooseScript script = parse("-- +goose Up", "SELECT 1;");

		assertThat(script.down().isValid()).isTrue();
		assertThat(script.down().statements()).isEmpty();
	}

	@Test
	void fileWithoutTrailingNewlineParses() {
		GooseScript script = GooseParser.parse(FILE, "-- +goose Up\nSELECT 1;", Map.of());

		assertThat(sqlOf(script.up())).containsExactly("SELECT 1;");
	}

	@Test
	void annotationsAreMatchedWithoutRegardToCase() {
		GooseScript script = parse("-- +goose up", "-- +goose statementbegin", "SELECT 1;", "-- +goose STATEMENTEND",
				"-- +goose DOWN", "-- +goose no transaction", "SELECT 2;");

		assertThat(sqlOf(script.up())).containsExactly("SELECT 1;");
		assertThat(sqlOf(script.down())).containsExactly("SELECT 2;");
		assertThat(script.transactional()).isFalse();
	}

	@Test
	void commentAndBlankLinesBeforeUpAreAllowed() {
		GooseScript script = parse("", "-- orders", "  -- by the shop team", "", "-- +goose Up", "SELECT 1;");

		assertThat(sqlOf(script.up())).containsExactly("SELECT 1;");
	}

	@Test
	void noTransactionInTheDownSectionStillAppliesToTheFile() {
		GooseScript script = parse("-- +goose Up", "SELECT 1;", "-- +goose Down", "-- +goose NO TRANSACTION",
				"SELECT 2;");

		assertThat(script.transactional()).isFalse();
		assertThat(sqlOf(script.down())).containsExactly("SELECT 2;");
	}

	@Test
	void statementBlockIsKeptWhole() {
		GooseScript script = parse("-- +goose Up", "-- +goose StatementBegin", "SELECT 1; SELECT 2",
				"-- +goose StatementEnd");

		assertThat(sqlOf(script.up())).containsExactly("SELECT 1; SELECT 2");
	}

	@Test
	void statementBlockDropsLeadingCommentsAndKeepsTrailingOnes() {
		GooseScript script = parse("-- +goose Up", "-- +goose StatementBegin", "", "  -- leading", "SELECT 1;",
				"-- middle", "SELECT 2;", "-- trailing", "", "-- +goose StatementEnd");

		assertThat(sqlOf(script.up())).containsExactly("SELECT 1;\n-- middle\nSELECT 2;\n-- trailing");
	}

	@Test
	void statementBlockLineIsItsFirstSqlLine() {
		GooseScript script = parse("-- +goose Up", "SELECT 1;", "-- +goose StatementBegin", "-- about it", "",
				"SELECT 2;", "-- +goose StatementEnd", "SELECT 3;");

		assertThat(script.up().statements()).extracting(SqlStatement::line).containsExactly(2, 6, 8);
	}

	@Test
	void emptyStatementBlockAddsNoStatement() {
		GooseScript script = parse("-- +goose Up", "-- +goose StatementBegin", "-- only a comment",
				"-- +goose StatementEnd", "SELECT 1;");

		assertThat(sqlOf(script.up())).containsExactly("SELECT 1;");
	}

	@Test
	void statementBlockIsNotLexedSoItsOpenQuotesAreNotErrors() {
		GooseScript script = parse("-- +goose Up", "-- +goose StatementBegin", "SELECT 'it''s",
				"-- +goose StatementEnd", "SELECT 2;");

		assertThat(sqlOf(script.up())).containsExactly("SELECT 'it''s", "SELECT 2;");
	}

	@Test
	void blockCommentBeforeStatementBlockDoesNotLeakIntoTheNextStatement() {
		GooseScript script = parse("-- +goose Up", "/* the function is used by reports */", "-- +goose StatementBegin",
				"CREATE FUNCTION f() RETURNS integer AS $$ SELECT 1 $$ LANGUAGE sql;", "-- +goose StatementEnd",
				"SELECT f();");

		assertThat(sqlOf(script.up()))
			.containsExactly("CREATE FUNCTION f() RETURNS integer AS $$ SELECT 1 $$ LANGUAGE sql;", "SELECT f();");
		assertThat(script.up().statements()).extracting(SqlStatement::line).containsExactly(4, 6);
	}

	@Test
	void statementBlockWhileAStatementIsUnfinishedIsASectionError() {
		GooseScript script = parse("-- +goose Up", "UPDATE a", "SET x = 1", "-- +goose StatementBegin", "SELECT 1;",
				"-- +goose StatementEnd", "-- +goose Down", "SELECT 2;");

		assertThat(script.up().error().line()).isEqualTo(2);
		assertThat(script.up().error().reason()).contains("before the StatementBegin at line 4");
		assertThat(sqlOf(script.down())).containsExactly("SELECT 2;");
	}

	@Test
	void structuralErrorInvalidatesBothSectionsWithTheSameError() {
		GooseScript script = parse("-- +goose Up", "SELECT 1;", "-- +goose Down", "SELECT 2;", "-- +goose Sideways");

		assertThat(script.up().isValid()).isFalse();
		assertThat(script.down().error()).isSameAs(script.up().error());
		assertThat(script.up().error().line()).isEqualTo(5);
		assertThat(script.up().statements()).isEmpty();
		assertThat(script.down().statements()).isEmpty();
	}

	@Test
	void errorsNameTheFileAndLineInTheirMessage() {
		MigrationParseException error = parse("-- +goose Up", "SELECT 'x;").up().error();

		assertThat(error.file()).isEqualTo(FILE);
		assertThat(error.getMessage()).isEqualTo(FILE + ":2: unterminated string literal");
	}

	@Test
	void fileWithoutUpIsAnErrorForTheWholeFile() {
		MigrationParseException error = parse("-- nothing", "").up().error();

		assertThat(error.line()).isZero();
		assertThat(error.getMessage()).startsWith(FILE + ": no '-- +goose Up' annotation");
	}

	@Test
	void brokenDownSectionLeavesUpValid() {
		GooseScript script = parse("-- +goose Up", "SELECT 1;", "-- +goose Down", "SELECT $$ never closed");

		assertThat(sqlOf(script.up())).containsExactly("SELECT 1;");
		assertThat(script.down().error().line()).isEqualTo(4);
	}

	@Test
	void brokenUpSectionLeavesDownValid() {
		GooseScript script = parse("-- +goose Up", "SELECT 1", "-- +goose Down", "SELECT 2;");

		assertThat(script.up().error().line()).isEqualTo(2);
		assertThat(sqlOf(script.down())).containsExactly("SELECT 2;");
	}

	@Test
	void firstSectionErrorWins() {
		GooseScript script = parse("-- +goose Up", "-- +goose ENVSUB ON", "SELECT '$1';", "SELECT 'x;");

		assertThat(script.up().error().line()).isEqualTo(3);
	}

	@Test
	void envsubIsOffByDefault() {
		GooseScript script = parse(Map.of("NAME", "x"), "-- +goose Up", "SELECT '$NAME ${NAME}';");

		assertThat(sqlOf(script.up())).containsExactly("SELECT '$NAME ${NAME}';");
	}

	@Test
	void envsubExpandsFromTheGivenEnvironmentUntilTurnedOff() {
		GooseScript script = parse(Map.of("SCHEMA", "shop"), "-- +goose Up", "-- +goose ENVSUB ON",
				"CREATE TABLE ${SCHEMA}.a (id integer);", "-- +goose ENVSUB OFF",
				"CREATE TABLE ${SCHEMA}.b (id integer);");

		assertThat(sqlOf(script.up())).containsExactly("CREATE TABLE shop.a (id integer);",
				"CREATE TABLE ${SCHEMA}.b (id integer);");
	}

	@Test
	void envsubStaysOnIntoTheDownSection() {
		GooseScript script = parse(Map.of("T", "audit"), "-- +goose ENVSUB ON", "-- +goose Up",
				"CREATE TABLE $T (id integer);", "-- +goose Down", "DROP TABLE $T;");

		assertThat(sqlOf(script.down())).containsExactly("DROP TABLE audit;");
	}

	@Test
	void envsubExpandsInsideStatementBlocks() {
		GooseScript script = parse(Map.of("N", "7"), "-- +goose Up", "-- +goose ENVSUB ON", "-- +goose StatementBegin",
				"SELECT $N; SELECT \\$1;", "-- +goose StatementEnd");

		assertThat(sqlOf(script.up())).containsExactly("SELECT 7; SELECT $1;");
	}

	@Test
	void envsubExpandsBeforeStatementsAreSplit() {
		GooseScript script = parse(Map.of("TWO", "SELECT 1; SELECT 2;"), "-- +goose Up", "-- +goose ENVSUB ON", "$TWO");

		assertThat(sqlOf(script.up())).containsExactly("SELECT 1;", "SELECT 2;");
	}

	@Test
	void envsubFailureIsASectionErrorOnItsLine() {
		GooseScript script = parse(Map.of(), "-- +goose ENVSUB ON", "-- +goose Up", "SELECT 1;", "-- +goose Down", "",
				"DROP TABLE ${TABLE:?name the table};");

		assertThat(sqlOf(script.up())).containsExactly("SELECT 1;");
		assertThat(script.down().error().line()).isEqualTo(6);
		assertThat(script.down().error().reason())
			.isEqualTo("ENVSUB: required variable TABLE is not set: name the table");
	}

	@Test
	void lineStartingWithCommentAndMentioningGooseIsAlwaysAnAnnotation() {
		GooseScript script = parse("-- +goose Up", "SELECT 1;", "-- see the +goose docs");

		assertThat(script.up().error().reason()).contains("unknown annotation");
		assertThat(script.down().error()).isSameAs(script.up().error());
	}

	@Test
	void annotationInsideAStringIsStillAnAnnotation() {
		GooseScript script = parse("-- +goose Up", "SELECT 'text", "-- +goose Down", "';");

		assertThat(script.up().error().reason()).isEqualTo("unterminated string literal");
		assertThat(script.down().error().reason()).isEqualTo("unterminated string literal");
		assertThat(script.down().error().line()).isEqualTo(4);
	}

	@Test
	void mentionOfGooseAfterCodeIsNotAnAnnotation() {
		GooseScript script = parse("-- +goose Up", "SELECT 1; -- +goose Down");

		assertThat(sqlOf(script.up())).containsExactly("SELECT 1; -- +goose Down");
		assertThat(script.down().statements()).isEmpty();
	}

	@Test
	void windowsLineEndingsParseLikeUnixOnesAfterDecoding() {
		byte[] bytes = "\uFEFF-- +goose Up\r\nSELECT 1;\r\n-- +goose Down\r\nSELECT 2;\r\n"
			.getBytes(StandardCharsets.UTF_8);

		GooseScript script = GooseParser.parse(FILE, SourceText.decode(FILE, bytes), Map.of());

		assertThat(sqlOf(script.up())).containsExactly("SELECT 1;");
		assertThat(sqlOf(script.down())).containsExactly("SELECT 2;");
	}

	private static GooseScript parse(String... lines) {
		return parse(Map.of(), lines);
	}

	private static GooseScript parse(Map<String, String> environment, String... lines) {
		return GooseParser.parse(FILE, String.join("\n", lines) + "\n", environment);
	}

	private static List<String> sqlOf(ParsedSection section) {
		assertThat(section.error()).as("section error").isNull();
		return section.statements().stream().map(SqlStatement::sql).toList();
	}

}
