package dev.migrations.parser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that migrations of ten megabytes and more parse completely, whether they are
 * many lines, one huge string or one huge line; a parser that slowed down quadratically
 * would not finish these.
 */
class LargeMigrationTests {

	private static final int ROWS = 200_000;

	private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

	@Test
	void manyInsertLinesEachBecomeAStatement() {
		StringBuilder text = new StringBuilder("-- +goose Up\n");
		for (int i = 0; i < ROWS; i++) {
			text.append(insert(i)).append('\n');
		}
		text.append("-- +goose Down\nDELETE FROM readings;\n");
		assertThat(text.length()).isGreaterThan(TEN_MEGABYTES);

		GooseScript script = GooseParser.parse("large.sql", text.toString(), Map.of());

		List<SqlStatement> up = script.up().statements();
		assertThat(up).hasSize(ROWS);
		assertThat(up.get(0).sql()).isEqualTo(insert(0));
		assertThat(up.get(ROWS - 1).sql()).isEqualTo(insert(ROWS - 1));
		assertThat(up.get(ROWS - 1).line()).isEqualTo(ROWS + 1);
		assertThat(script.down().statements()).hasSize(1);
	}

	@Test
	void manyStatementsOnOneLineEachBecomeAStatement() {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < ROWS; i++) {
			line.append(insert(i));
		}
		assertThat(line.length()).isGreaterThan(TEN_MEGABYTES);

		GooseScript script = GooseParser.parse("one-line.sql", "-- +goose Up\n" + line + "\n", Map.of());

		assertThat(script.up().statements()).hasSize(ROWS);
		assertThat(script.up().statements().get(ROWS - 1).sql()).isEqualTo(insert(ROWS - 1));
	}

	@Test
	void oneHugeMultiLineStringIsOneStatement() {
		StringBuilder literal = new StringBuilder();
		for (int i = 0; i < ROWS; i++) {
			literal.append("line ").append(i).append("; it''s inside the literal -- not a comment\n");
		}
		assertThat(literal.length()).isGreaterThan(TEN_MEGABYTES);
		String statement = "INSERT INTO documents (body) VALUES ('" + literal + "');";

		GooseScript script = GooseParser.parse("document.sql", "-- +goose Up\n" + statement + "\nSELECT 1;\n",
				Map.of());

		assertThat(script.up().statements()).extracting(SqlStatement::sql).containsExactly(statement, "SELECT 1;");
	}

	@Test
	void hugeDollarQuotedBodyIsOneStatement() {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < ROWS; i++) {
			body.append("\tPERFORM pg_notify('ch', 'event ").append(i).append("; padding to make it long');\n");
		}
		assertThat(body.length()).isGreaterThan(TEN_MEGABYTES);
		String statement = "DO $body$\nBEGIN\n" + body + "END\n$body$;";

		ParsedSection section = PlainSqlParser.parse("body.up.sql", statement + "\nSELECT 1");

		assertThat(section.statements()).extracting(SqlStatement::sql).containsExactly(statement, "SELECT 1");
	}

	private static String insert(int i) {
		return "INSERT INTO readings (id, station) VALUES (" + i + ", 'station-" + i + "');";
	}

}
