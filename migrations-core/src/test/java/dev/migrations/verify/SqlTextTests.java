package dev.migrations.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite keeps SQL as written; the canonical form makes two spellings of the same schema
 * compare equal.
 */
class SqlTextTests {

	@Test
	void whitespaceAndCommentsDoNotCount() {
		assertThat(SqlText.normalize("CHECK(  outcome IN\n ('success','failure') ) -- two\n/* only */"))
			.isEqualTo(SqlText.normalize("CHECK (outcome IN ('success', 'failure'))"))
			.isEqualTo("CHECK (outcome IN ('success', 'failure'))");
	}

	@Test
	void keywordsAreUpperCasedAndIdentifiersLowerCased() {
		assertThat(SqlText.normalize("create view Recent as select Id from Users where id > 0"))
			.isEqualTo("CREATE VIEW recent AS SELECT id FROM users WHERE id > 0");
	}

	@Test
	void quotesAreDroppedWhereTheyAreNotNeeded() {
		assertThat(SqlText.normalize("CREATE TABLE \"tokens\" ([id] TEXT, `Name` TEXT, \"odd name\" TEXT)"))
			.isEqualTo("CREATE TABLE tokens(id text, name text, \"odd name\" text)");
	}

	@Test
	void stringLiteralsAreKeptExactly() {
		assertThat(SqlText.normalize("DEFAULT 'It''s  -- Here'")).isEqualTo("DEFAULT 'It''s  -- Here'");
		assertThat(SqlText.normalize("'a'")).isNotEqualTo(SqlText.normalize("'A'"));
	}

	@Test
	void aSignAfterAnOperatorOrKeywordIsUnary() {
		assertThat(SqlText.normalize("DEFAULT -1")).isEqualTo("DEFAULT -1");
		assertThat(SqlText.normalize("a-1 >= -2")).isEqualTo("a - 1 >= -2");
	}

	@Test
	void closingFindsTheMatchingParenthesis() {
		var tokens = SqlText.tokens("CHECK (a IN (1, 2)) AND (b)");

		assertThat(SqlText.closing(tokens, 1)).isEqualTo(9);
		assertThat(SqlText.closing(tokens, 11)).isEqualTo(13);
		assertThat(SqlText.closing(SqlText.tokens("(unclosed"), 0)).isEqualTo(2);
	}

}
