package dev.migrations.lint;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migrations.LintFinding;
import dev.migrations.Migrator;
import dev.migrations.testing.MigrationDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of the lint with a statement it flags and the safe form it does not, on a
 * table an earlier migration created; and what the same statements do to a table the
 * migration itself creates (nothing).
 */
class PostgresLintTests {

	@TempDir
	Path temp;

	private MigrationDir dir;

	@BeforeEach
	void writeTheTable() {
		this.dir = MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);",
					"DROP TABLE users;");
	}

	private List<LintFinding> lint(String up) {
		this.dir.goose("00002_change.sql", up, "SELECT 1;");
		return Migrator.builder().locations(this.dir.location()).buildFiles().lint();
	}

	private List<LintFinding> lintNoTransaction(String up) {
		this.dir.file("00002_change.sql", "-- +goose NO TRANSACTION\n-- +goose Up\n" + up + "\n");
		return Migrator.builder().locations(this.dir.location()).buildFiles().lint();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			index-not-concurrent        | CREATE INDEX users_email ON users (email);
			index-not-concurrent        | CREATE UNIQUE INDEX IF NOT EXISTS users_email ON public.users (email);
			index-not-concurrent        | DROP INDEX users_email;
			volatile-default            | ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
			volatile-default            | ALTER TABLE users ADD COLUMN seq bigserial;
			volatile-default            | ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS (id * 2) STORED;
			alter-column-type           | ALTER TABLE users ALTER COLUMN name TYPE varchar(50);
			alter-column-type           | ALTER TABLE users ALTER name SET DATA TYPE varchar(50);
			set-not-null                | ALTER TABLE users ALTER COLUMN email SET NOT NULL;
			constraint-not-valid        | ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '');
			constraint-not-valid        | ALTER TABLE users ADD FOREIGN KEY (id) REFERENCES accounts (id);
			unique-without-index        | ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
			unique-without-index        | ALTER TABLE users ADD PRIMARY KEY (email);
			rename-column               | ALTER TABLE users RENAME COLUMN name TO full_name;
			rename-table                | ALTER TABLE users RENAME TO members;
			drop-column                 | ALTER TABLE users DROP COLUMN name;
			drop-table                  | DROP TABLE IF EXISTS users;
			vacuum-full-or-cluster      | VACUUM FULL users;
			vacuum-full-or-cluster      | CLUSTER users USING users_pkey;
			ddl-with-full-update        | ALTER TABLE users ADD COLUMN active boolean; UPDATE users SET active = true;
			""")
	void flags(String rule, String up) {
		List<LintFinding> findings = lint(up.replace("; ", ";\n"));

		assertThat(findings).extracting(LintFinding::rule).contains(rule);
		LintFinding finding = findings.stream().filter((each) -> each.rule().equals(rule)).findFirst().orElseThrow();
		assertThat(finding.file()).endsWith("00002_change.sql");
		assertThat(finding.line()).isPositive();
		assertThat(finding.why()).isNotBlank();
		assertThat(finding.safeWay()).isNotBlank();
		assertThat(finding.toString()).contains("00002_change.sql:" + finding.line() + ": warning [" + rule + "]");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					index-not-concurrent        | CREATE INDEX CONCURRENTLY users_email ON users (email);
					index-not-concurrent        | DROP INDEX CONCURRENTLY IF EXISTS users_email;
					volatile-default            | ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
					volatile-default            | ALTER TABLE users ADD COLUMN active boolean DEFAULT false;
					alter-column-type           | ALTER TABLE users ALTER COLUMN name SET DEFAULT 'x';
					set-not-null                | ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null; ALTER TABLE users ALTER COLUMN email SET NOT NULL;
					constraint-not-valid        | ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '') NOT VALID;
					constraint-not-valid        | ALTER TABLE users VALIDATE CONSTRAINT users_email_check;
					unique-without-index        | ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
					rename-column               | ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_id_pkey;
					drop-column                 | ALTER TABLE users DROP CONSTRAINT users_email_check;
					drop-table                  | DROP VIEW IF EXISTS user_names;
					vacuum-full-or-cluster      | VACUUM ANALYZE users;
					ddl-with-full-update        | ALTER TABLE users ADD COLUMN active boolean; UPDATE users SET active = true WHERE id < 1000;
					ddl-with-full-update        | UPDATE users SET name = lower(name);
					""")
	void doesNotFlagTheSafeForm(String rule, String up) {
		assertThat(lint(up.replace("; ", ";\n"))).extracting(LintFinding::rule).doesNotContain(rule);
	}

	@Test
	void aTableTheMigrationCreatesIsNewSoNothingItDoesToItIsFlagged() {
		List<LintFinding> findings = lint("""
				CREATE TABLE audit (id bigint, at timestamptz, note text);
				CREATE INDEX audit_at ON audit (at);
				ALTER TABLE audit ADD COLUMN token uuid DEFAULT gen_random_uuid();
				ALTER TABLE audit ALTER COLUMN note TYPE varchar(200), ALTER COLUMN at SET NOT NULL;
				ALTER TABLE audit ADD CONSTRAINT audit_pkey PRIMARY KEY (id);
				UPDATE audit SET note = '';
				DROP INDEX audit_at;""");

		assertThat(findings).isEmpty();
	}

	@Test
	void concurrentlyIsFlaggedWhereTheFileRunsInATransactionOnly() {
		assertThat(lint("CREATE INDEX CONCURRENTLY users_email ON users (email);")).extracting(LintFinding::rule)
			.containsExactly("concurrently-in-transaction");
		assertThat(lintNoTransaction("CREATE INDEX CONCURRENTLY users_email ON users (email);")).isEmpty();
	}

	@Test
	void golangMigrateFileWithOnlyAConcurrentIndexRunsOutsideATransaction() {
		MigrationDir golang = MigrationDir.at(this.temp.resolve("golang-migrate"))
			.file("1_users.up.sql", "CREATE TABLE users (id bigint, email text);")
			.file("2_index.up.sql", "CREATE INDEX CONCURRENTLY users_email ON users (email);")
			.file("3_two.up.sql", "CREATE INDEX CONCURRENTLY users_id ON users (id);\nSELECT 1;");
		assertThat(Migrator.builder().locations(golang.location()).buildFiles().lint())
			.extracting(
					(finding) -> finding.file().substring(finding.file().lastIndexOf('/') + 1) + " " + finding.rule())
			.containsExactly("3_two.up.sql concurrently-in-transaction");
	}

	@Test
	void aLintIgnoreCommentWithAReasonSilencesItsRuleOnly() {
		List<LintFinding> findings = lint("""
				-- lint-ignore: index-not-concurrent users holds a few hundred rows
				CREATE INDEX users_email ON users (email);
				ALTER TABLE users DROP COLUMN name; -- lint-ignore: drop-column, rename-column unused since 2.3
				ALTER TABLE users ALTER COLUMN email SET NOT NULL;""");

		assertThat(findings).extracting(LintFinding::rule).containsExactly("set-not-null");
		assertThat(findings.get(0).line()).isEqualTo(5);
	}

	@Test
	void aLintIgnoreWithoutAReasonSilencesNothingAndSaysSo() {
		List<LintFinding> findings = lint("""
				-- lint-ignore: index-not-concurrent
				CREATE INDEX users_email ON users (email);""");

		assertThat(findings).singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("gives no reason"));
	}

	@Test
	void onlyTheNamedFilesAreLinted() {
		this.dir.goose("00002_index.sql", "CREATE INDEX users_email ON users (email);", "SELECT 1;")
			.goose("00003_drop.sql", "ALTER TABLE users DROP COLUMN name;", "SELECT 1;");

		assertThat(Migrator.builder()
			.locations(this.dir.location())
			.buildFiles()
			.lint(List.of("db/migrations/00003_drop.sql"))).extracting(LintFinding::rule)
			.containsExactly("drop-column");
	}

	@Test
	void stringsCommentsAndQuotedNamesDoNotFoolTheRules() {
		List<LintFinding> findings = lint("""
				INSERT INTO users (id, name) VALUES (1, 'ALTER TABLE users DROP COLUMN name; VACUUM FULL');
				/* CREATE INDEX users_name ON users (name); */
				ALTER TABLE "users" ADD COLUMN "where" text;""");

		assertThat(findings).isEmpty();
	}

}
