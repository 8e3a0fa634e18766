package dev.migrations.parser;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Checks where the statement splitter ends statements and which text it keeps with them.
 */
class StatementSplitterTests {

	@Test
	void semicolonInsideParenthesesDoesNotEndStatement() {
		assertThat(split(
				"CREATE RULE log_orders AS ON INSERT TO orders DO ALSO (INSERT INTO log VALUES (NEW.id); NOTIFY orders);",
				"SELECT 2;"))
			.containsExactly(
					"CREATE RULE log_orders AS ON INSERT TO orders DO ALSO (INSERT INTO log VALUES (NEW.id); NOTIFY orders);",
					"SELECT 2;");
	}

	@Test
	void parameterNamedBeginDoesNotOpenABody() {
		assertThat(split("CREATE FUNCTION starts(begin date) RETURNS date AS $$ SELECT begin $$ LANGUAGE sql;",
				"SELECT 2;"))
			.containsExactly("CREATE FUNCTION starts(begin date) RETURNS date AS $$ SELECT begin $$ LANGUAGE sql;",
					"SELECT 2;");
	}

	@Test
	void closingParenthesisWithoutOpeningOneDoesNotStopSplitting() {
		assertThat(split("SELECT 1);", "SELECT 2;")).containsExactly("SELECT 1);", "SELECT 2;");
	}

	@Test
	void parenthesisNeverClosedIsNamedInTheError() {
		MigrationParseException error = catchThrowableOfType(MigrationParseException.class, () -> {
			StatementSplitter splitter = new StatementSplitter("f.sql", true);
			splitter.feed("INSERT INTO a VALUES (1;", 1);
			splitter.feed("SELECT 2;", 2);
			splitter.finish();
		});

		assertThat(error.line()).isEqualTo(1);
		assertThat(error.reason()).contains("a '(' is never closed");
	}

	@Test
	void semicolonEndsStatement() {
		assertThat(split("CREATE TABLE a (id integer);", "DROP TABLE b;"))
			.containsExactly("CREATE TABLE a (id integer);", "DROP TABLE b;");
	}

	@Test
	void statementSpanningLinesKeepsItsLineBreaksAndIndentation() {
		assertThat(split("SELECT id,", "\tname", "FROM a;")).containsExactly("SELECT id,\n\tname\nFROM a;");
	}

	@Test
	void semicolonInsideSingleQuotedStringDoesNotEndStatement() {
		assertThat(split("INSERT INTO a VALUES ('x; y');")).containsExactly("INSERT INTO a VALUES ('x; y');");
	}

	@Test
	void doubledQuoteInsideStringDoesNotCloseIt() {
		assertThat(split("SELECT 'it''s; ok', ''''; SELECT 2;")).containsExactly("SELECT 'it''s; ok', '''';",
				"SELECT 2;");
	}

	@Test
	void stringSpanningLinesKeepsItsSemicolonsAndBlankLines() {
		assertThat(split("SELECT 'one;", "", "two;';", "SELECT 3;")).containsExactly("SELECT 'one;\n\ntwo;';",
				"SELECT 3;");
	}

	@Test
	void backslashEscapedQuoteInsideEscapeStringDoesNotCloseIt() {
		assertThat(split("SELECT E'it\\'s; fine'; SELECT 2;")).containsExactly("SELECT E'it\\'s; fine';", "SELECT 2;");
	}

	@Test
	void lowercaseEPrefixAlsoStartsAnEscapeString() {
		assertThat(split("SELECT e'\\\\'; SELECT e'\\';';")).containsExactly("SELECT e'\\\\';", "SELECT e'\\';';");
	}

	@Test
	void escapeStringAtTheStartOfALineIsRecognized() {
		assertThat(split("SELECT", "E'a\\';b';")).containsExactly("SELECT\nE'a\\';b';");
	}

	@Test
	void backslashInsideStandardStringIsAnOrdinaryCharacter() {
		assertThat(split("SELECT 'C:\\'; SELECT 2;")).containsExactly("SELECT 'C:\\';", "SELECT 2;");
	}

	@Test
	void wordEndingInEBeforeAQuoteDoesNotStartAnEscapeString() {
		assertThat(split("SELECT time'10:00\\'; SELECT 2;")).containsExactly("SELECT time'10:00\\';", "SELECT 2;");
	}

	@Test
	void semicolonInsideDoubleQuotedIdentifierDoesNotEndStatement() {
		assertThat(split("SELECT \"a;\"\"b\" FROM t;")).containsExactly("SELECT \"a;\"\"b\" FROM t;");
	}

	@Test
	void semicolonInsideBackquotedIdentifierDoesNotEndStatement() {
		assertThat(split("SELECT `a;``b` FROM t;")).containsExactly("SELECT `a;``b` FROM t;");
	}

	@Test
	void quoteOfOneKindInsideAnotherDoesNotCloseIt() {
		assertThat(split("SELECT '\";`' AS \"it's;\";")).containsExactly("SELECT '\";`' AS \"it's;\";");
	}

	@Test
	void semicolonInsideLineCommentDoesNotEndStatement() {
		assertThat(split("SELECT 1 -- one; two", "+ 1;")).containsExactly("SELECT 1 -- one; two\n+ 1;");
	}

	@Test
	void quoteInsideLineCommentDoesNotOpenAString() {
		assertThat(split("SELECT 1 -- it's", "+ 1;", "SELECT 2;")).containsExactly("SELECT 1 -- it's\n+ 1;",
				"SELECT 2;");
	}

	@Test
	void semicolonInsideBlockCommentDoesNotEndStatement() {
		assertThat(split("SELECT /* ; */ 1;")).containsExactly("SELECT /* ; */ 1;");
	}

	@Test
	void blockCommentSpanningLinesKeepsItsSemicolons() {
		assertThat(split("SELECT /* a;", "b; */ 1;")).containsExactly("SELECT /* a;\nb; */ 1;");
	}

	@Test
	void nestedBlockCommentsCloseOnlyAtTheOutermostEnd() {
		assertThat(split("SELECT /* a /* b; */ c; */ 1; SELECT 2;")).containsExactly("SELECT /* a /* b; */ c; */ 1;",
				"SELECT 2;");
	}

	@Test
	void lineCommentMarkerInsideBlockCommentIsIgnored() {
		assertThat(split("SELECT /* -- */ 1; SELECT 2;")).containsExactly("SELECT /* -- */ 1;", "SELECT 2;");
	}

	@Test
	void semicolonInsideDollarQuotedBodyDoesNotEndStatement() {
		assertThat(split("SELECT $$ a; b $$;")).containsExactly("SELECT $$ a; b $$;");
	}

	@Test
	void taggedDollarQuoteClosesOnlyWithTheSameTag() {
		assertThat(split("DO $outer$", "BEGIN PERFORM $inner$ x; $inner$; PERFORM $$;$$; END", "$outer$;", "SELECT 2;"))
			.containsExactly("DO $outer$\nBEGIN PERFORM $inner$ x; $inner$; PERFORM $$;$$; END\n$outer$;", "SELECT 2;");
	}

	@Test
	void dollarQuoteTagsAreCaseSensitive() {
		assertThat(split("SELECT $Q$ $q$; $Q$;")).containsExactly("SELECT $Q$ $q$; $Q$;");
	}

	@Test
	void dollarQuoteTagMayHoldDigitsAndUnderscores() {
		assertThat(split("SELECT $_v2$ ; $_v2$;")).containsExactly("SELECT $_v2$ ; $_v2$;");
	}

	@Test
	void positionalParameterIsNotADollarQuote() {
		assertThat(split("SELECT $1; SELECT $2;")).containsExactly("SELECT $1;", "SELECT $2;");
	}

	@Test
	void dollarSignInsideIdentifierIsNotADollarQuote() {
		assertThat(split("SELECT a$b$ FROM t$; SELECT 2;")).containsExactly("SELECT a$b$ FROM t$;", "SELECT 2;");
	}

	@Test
	void loneDollarSignAtTheEndOfALineIsOrdinaryText() {
		assertThat(split("SELECT '5' || $", "1;")).containsExactly("SELECT '5' || $\n1;");
	}

	@Test
	void triggerBodyKeepsItsSemicolons() {
		assertThat(split("CREATE TRIGGER t AFTER INSERT ON a", "BEGIN", "\tINSERT INTO b VALUES (1);",
				"\tDELETE FROM c;", "END;", "SELECT 2;"))
			.containsExactly("CREATE TRIGGER t AFTER INSERT ON a\nBEGIN\n\tINSERT INTO b VALUES (1);\n"
					+ "\tDELETE FROM c;\nEND;", "SELECT 2;");
	}

	@Test
	void triggerKeywordsAreMatchedWithoutRegardToCase() {
		assertThat(split("create Temporary trigger t after insert on a begin delete from b; end; select 2;"))
			.containsExactly("create Temporary trigger t after insert on a begin delete from b; end;", "select 2;");
	}

	@Test
	void caseExpressionInsideTriggerBodyNestsWithItsEnd() {
		assertThat(split("CREATE TRIGGER t AFTER UPDATE ON a BEGIN",
				"UPDATE a SET x = CASE WHEN new.x > 0 THEN 1 ELSE 0 END;", "END;", "SELECT 2;"))
			.containsExactly("CREATE TRIGGER t AFTER UPDATE ON a BEGIN\n"
					+ "UPDATE a SET x = CASE WHEN new.x > 0 THEN 1 ELSE 0 END;\nEND;", "SELECT 2;");
	}

	@Test
	void caseExpressionInTriggerWhenClauseDoesNotOpenTheBody() {
		assertThat(split("CREATE TRIGGER t AFTER UPDATE ON a WHEN CASE WHEN new.x THEN 1 END BEGIN SELECT 1; END;",
				"SELECT 2;"))
			.containsExactly("CREATE TRIGGER t AFTER UPDATE ON a WHEN CASE WHEN new.x THEN 1 END BEGIN SELECT 1; END;",
					"SELECT 2;");
	}

	@Test
	void beginAtomicFunctionBodyKeepsItsSemicolons() {
		assertThat(split("CREATE OR REPLACE FUNCTION f() RETURNS integer LANGUAGE sql", "BEGIN ATOMIC", "\tSELECT 1;",
				"END;", "SELECT f();"))
			.containsExactly(
					"CREATE OR REPLACE FUNCTION f() RETURNS integer LANGUAGE sql\nBEGIN ATOMIC\n" + "\tSELECT 1;\nEND;",
					"SELECT f();");
	}

	@Test
	void procedureWithBeginAtomicBodyKeepsItsSemicolons() {
		assertThat(split("CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC DELETE FROM a; DELETE FROM b; END;"))
			.containsExactly("CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC DELETE FROM a; DELETE FROM b; END;");
	}

	@Test
	void functionWithDollarQuotedBodyEndsAtItsSemicolon() {
		assertThat(split("CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;",
				"SELECT 2;"))
			.containsExactly("CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;",
					"SELECT 2;");
	}

	@Test
	void transactionControlStatementsAreSplitLikeAnyOther() {
		assertThat(split("BEGIN;", "INSERT INTO a VALUES (1);", "END;", "COMMIT;")).containsExactly("BEGIN;",
				"INSERT INTO a VALUES (1);", "END;", "COMMIT;");
	}

	@Test
	void caseExpressionOutsideABodiedStatementDoesNotHoldTheSemicolon() {
		assertThat(split("SELECT CASE WHEN true THEN 1 END; SELECT 2;"))
			.containsExactly("SELECT CASE WHEN true THEN 1 END;", "SELECT 2;");
	}

	@Test
	void createTableNamedLikeAKeywordIsNotABodiedStatement() {
		assertThat(split("CREATE TABLE trigger_log (begin_at date, \"end\" date); SELECT 2;"))
			.containsExactly("CREATE TABLE trigger_log (begin_at date, \"end\" date);", "SELECT 2;");
	}

	@Test
	void severalStatementsOnOneLineAreSplit() {
		assertThat(split("SELECT 1; SELECT 2;SELECT 3;")).containsExactly("SELECT 1;", "SELECT 2;", "SELECT 3;");
	}

	@Test
	void lineCommentAfterSemicolonStaysWithTheStatement() {
		assertThat(split("SELECT 1; -- the first", "SELECT 2;--the second")).containsExactly("SELECT 1; -- the first",
				"SELECT 2;--the second");
	}

	@Test
	void lineCommentAfterTheLastOfSeveralStatementsOnALineStaysWithTheLast() {
		assertThat(split("SELECT 1; SELECT 2; -- c")).containsExactly("SELECT 1;", "SELECT 2; -- c");
	}

	@Test
	void blockCommentAfterSemicolonStaysWithTheStatement() {
		List<SqlStatement> statements = statements("SELECT 1; /* the first */", "SELECT 2;");

		assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT 1; /* the first */", "SELECT 2;");
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2);
	}

	@Test
	void blockCommentBeforeAStatementOnTheSameLineStartsThatStatement() {
		assertThat(split("SELECT 1; /* about two */ SELECT 2;")).containsExactly("SELECT 1;",
				"/* about two */ SELECT 2;");
	}

	@Test
	void blockCommentThatStaysOpenAfterSemicolonBelongsToTheNextStatement() {
		assertThat(split("SELECT 1; /* about", "two */", "SELECT 2;")).containsExactly("SELECT 1;",
				"/* about\ntwo */\nSELECT 2;");
	}

	@Test
	void versionedCommentAfterSemicolonIsAStatementOfItsOwn() {
		assertThat(split("SELECT 1; /*!80031 SET x = 1 */;")).containsExactly("SELECT 1;", "/*!80031 SET x = 1 */;");
	}

	@Test
	void trailingWhitespaceAfterSemicolonIsDropped() {
		assertThat(split("SELECT 1;  \t ")).containsExactly("SELECT 1;");
	}

	@Test
	void commentAndBlankLinesBeforeStatementAreDropped() {
		assertThat(split("", "-- about the table", "   -- indented", "\t", "CREATE TABLE a (id integer);"))
			.containsExactly("CREATE TABLE a (id integer);");
	}

	@Test
	void commentAndBlankLinesInsideStatementAreKept() {
		assertThat(split("CREATE TABLE a (", "", "\t-- the key", "\tid integer", ");"))
			.containsExactly("CREATE TABLE a (\n\n\t-- the key\n\tid integer\n);");
	}

	@Test
	void blockCommentBeforeStatementIsKeptAsItsHeader() {
		assertThat(split("/* header", "   more */", "SELECT 1;")).containsExactly("/* header\n   more */\nSELECT 1;");
	}

	@Test
	void commentOnlyStatementIsDropped() {
		assertThat(split("/* nothing here */;", "-- nor here", ";", "SELECT 1;")).containsExactly("SELECT 1;");
	}

	@Test
	void emptyStatementsBetweenSemicolonsAreDropped() {
		assertThat(split(";;", "SELECT 1;;", " ; ")).containsExactly("SELECT 1;");
	}

	@Test
	void mysqlVersionedCommentCountsAsCode() {
		assertThat(split("/*!40101 SET NAMES utf8 */;", "/* plain */;")).containsExactly("/*!40101 SET NAMES utf8 */;");
	}

	@Test
	void trailingCommentsAtTheEndAreNotAStatement() {
		assertThat(split("SELECT 1;", "-- done", "/* really", "done */")).containsExactly("SELECT 1;");
	}

	@Test
	void statementRecordsTheLineItStartsOn() {
		List<SqlStatement> statements = statements("-- header", "", "SELECT 1;", "SELECT", "2;", "SELECT 3; SELECT 4;");

		assertThat(statements).extracting(SqlStatement::line).containsExactly(3, 4, 6, 6);
	}

	@Test
	void statementTextIsTrimmed() {
		assertThat(split("   SELECT 1   ", "   ;   ")).containsExactly("SELECT 1   \n   ;");
	}

	@Test
	void blockStatementsKeepTheirPlaceAmongSplitStatements() {
		StatementSplitter splitter = new StatementSplitter("test.sql", true);
		splitter.feed("SELECT 1;", 1);
		splitter.block(new SqlStatement("SELECT 2; SELECT 3;", 2));
		splitter.feed("SELECT 4;", 5);

		assertThat(splitter.finish()).extracting(SqlStatement::sql)
			.containsExactly("SELECT 1;", "SELECT 2; SELECT 3;", "SELECT 4;");
	}

	@Test
	void pendingStatementIsReportedUntilItsSemicolon() {
		StatementSplitter splitter = new StatementSplitter("test.sql", true);
		assertThat(splitter.hasPendingStatement()).isFalse();
		splitter.feed("-- a comment", 1);
		assertThat(splitter.hasPendingStatement()).isFalse();
		splitter.feed("UPDATE a", 2);
		assertThat(splitter.hasPendingStatement()).isTrue();
		assertThat(splitter.pendingLine()).isEqualTo(2);
		splitter.feed("SET x = 1;", 3);
		assertThat(splitter.hasPendingStatement()).isFalse();
	}

	@Test
	void pendingLineOfAnOpenStringIsWhereTheStringOpened() {
		StatementSplitter splitter = new StatementSplitter("test.sql", true);
		splitter.feed("INSERT INTO a", 1);
		splitter.feed("VALUES ('open", 2);

		assertThat(splitter.hasPendingStatement()).isTrue();
		assertThat(splitter.pendingLine()).isEqualTo(2);
	}

	@Test
	void missingFinalSemicolonIsAnErrorWhenRequired() {
		MigrationParseException error = failure(true, "SELECT 1;", "", "SELECT", "2");

		assertThat(error.line()).isEqualTo(3);
		assertThat(error.file()).isEqualTo("test.sql");
		assertThat(error.reason()).contains("not terminated with a semicolon").contains("StatementBegin/StatementEnd");
	}

	@Test
	void missingFinalSemicolonIsAcceptedWhenNotRequired() {
		StatementSplitter splitter = new StatementSplitter("test.sql", false);
		splitter.feed("SELECT 1;", 1);
		splitter.feed("SELECT 2 -- last", 2);

		assertThat(splitter.finish()).extracting(SqlStatement::sql).containsExactly("SELECT 1;", "SELECT 2 -- last");
	}

	@Test
	void unclosedTriggerBodyErrorMentionsTheMissingEnd() {
		MigrationParseException error = failure(true, "SELECT 0;", "CREATE TRIGGER t AFTER INSERT ON a BEGIN",
				"DELETE FROM b;");

		assertThat(error.line()).isEqualTo(2);
		assertThat(error.reason()).contains("its BEGIN has no matching END");
	}

	@Test
	void unterminatedStringReportsTheLineWhereItOpened() {
		MigrationParseException error = failure(false, "SELECT 1;", "SELECT 'a", "b;", "c;");

		assertThat(error.line()).isEqualTo(2);
		assertThat(error.reason()).isEqualTo("unterminated string literal");
	}

	@Test
	void unterminatedEscapeStringEndingInBackslashIsReported() {
		assertThat(failure(false, "SELECT E'a\\';").reason()).isEqualTo("unterminated string literal");
	}

	@Test
	void unterminatedQuotedIdentifierIsReported() {
		MigrationParseException error = failure(false, "SELECT \"a;", "FROM t;");

		assertThat(error.line()).isEqualTo(1);
		assertThat(error.reason()).isEqualTo("unterminated quoted identifier");
	}

	@Test
	void unterminatedBackquotedIdentifierIsReported() {
		assertThat(failure(false, "", "SELECT `a;").reason()).isEqualTo("unterminated backquoted identifier");
	}

	@Test
	void unterminatedBlockCommentReportsTheLineWhereTheOutermostOpened() {
		MigrationParseException error = failure(false, "SELECT 1 /* a", "/* b */", "c;");

		assertThat(error.line()).isEqualTo(1);
		assertThat(error.reason()).isEqualTo("unterminated block comment");
	}

	@Test
	void unterminatedDollarQuoteNamesItsTag() {
		MigrationParseException error = failure(false, "SELECT 1;", "", "SELECT $fn$ x; $FN$;");

		assertThat(error.line()).isEqualTo(3);
		assertThat(error.reason()).isEqualTo("unterminated dollar-quoted string $fn$");
	}

	private static List<String> split(String... lines) {
		return statements(lines).stream().map(SqlStatement::sql).toList();
	}

	private static List<SqlStatement> statements(String... lines) {
		StatementSplitter splitter = new StatementSplitter("test.sql", true);
		for (int i = 0; i < lines.length; i++) {
			splitter.feed(lines[i], i + 1);
		}
		return splitter.finish();
	}

	private static MigrationParseException failure(boolean requireTerminator, String... lines) {
		StatementSplitter splitter = new StatementSplitter("test.sql", requireTerminator);
		for (int i = 0; i < lines.length; i++) {
			splitter.feed(lines[i], i + 1);
		}
		MigrationParseException error = catchThrowableOfType(MigrationParseException.class, splitter::finish);
		assertThat(error).as("parse error").isNotNull();
		return error;
	}

}
