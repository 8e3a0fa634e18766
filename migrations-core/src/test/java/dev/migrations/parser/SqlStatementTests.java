package dev.migrations.parser;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks how a statement's leading keywords are read past comments and whitespace. */
class SqlStatementTests {

	@Test
	void keywordsAreUpperCased() {
		assertThat(keywords("create unique index concurrently idx on t(x)", 10)).containsExactly("CREATE", "UNIQUE",
				"INDEX", "CONCURRENTLY", "IDX", "ON", "T");
	}

	@Test
	void atMostTheRequestedNumberOfWordsIsReturned() {
		assertThat(keywords("DROP INDEX CONCURRENTLY idx", 2)).containsExactly("DROP", "INDEX");
		assertThat(keywords("VACUUM", 0)).isEmpty();
	}

	@Test
	void leadingLineCommentsAreSkipped() {
		assertThat(keywords("-- rebuild; carefully\n-- second line\nREINDEX DATABASE app", 2))
			.containsExactly("REINDEX", "DATABASE");
	}

	@Test
	void leadingBlockCommentsAreSkipped() {
		assertThat(keywords("/* header\n spanning lines */ /* another */VACUUM FULL", 2)).containsExactly("VACUUM",
				"FULL");
	}

	@Test
	void nestedBlockCommentsAreSkippedWhole() {
		assertThat(keywords("/* outer /* inner */ still outer */ VACUUM t", 2)).containsExactly("VACUUM", "T");
	}

	@Test
	void commentsBetweenWordsAreSkipped() {
		assertThat(keywords("CREATE /* why */ INDEX -- note\nCONCURRENTLY i ON t (x)", 3)).containsExactly("CREATE",
				"INDEX", "CONCURRENTLY");
	}

	@Test
	void whitespaceOfAnyKindIsSkipped() {
		assertThat(keywords("\n\t  ALTER\r\n\tSYSTEM SET x = 1", 2)).containsExactly("ALTER", "SYSTEM");
	}

	@Test
	void readingStopsAtTheFirstTokenThatIsNotAWord() {
		assertThat(keywords("SELECT * FROM t", 4)).containsExactly("SELECT");
		assertThat(keywords("(SELECT 1)", 4)).isEmpty();
		assertThat(keywords("INSERT INTO \"Quoted\" VALUES (1)", 4)).containsExactly("INSERT", "INTO");
	}

	@Test
	void wordsMayHoldDigitsUnderscoresAndDollarSigns() {
		assertThat(keywords("DROP TABLE ledger$2024_old", 3)).containsExactly("DROP", "TABLE", "LEDGER$2024_OLD");
	}

	@Test
	void commentOnlyTextHasNoKeywords() {
		assertThat(keywords("-- nothing", 2)).isEmpty();
		assertThat(keywords("/* never closed", 2)).isEmpty();
		assertThat(keywords("", 2)).isEmpty();
	}

	@Test
	void statementKeepsItsTextAndLine() {
		SqlStatement statement = new SqlStatement("SELECT 1;", 7);

		assertThat(statement.sql()).isEqualTo("SELECT 1;");
		assertThat(statement.line()).isEqualTo(7);
	}

	private static List<String> keywords(String sql, int max) {
		return new SqlStatement(sql, 1).leadingKeywords(max);
	}

}
