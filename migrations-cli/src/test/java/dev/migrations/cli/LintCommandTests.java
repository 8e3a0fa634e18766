package dev.migrations.cli;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate lint}, as CI runs it: files only, findings like a compiler's warnings,
 * exit 1 when there are any; and the same findings as warnings of {@code validate} and
 * {@code plan} on PostgreSQL.
 */
class LintCommandTests extends CommandTestSupport {

	private MigrationDir dir;

	@BeforeEach
	void writeMigrations() {
		this.dir = MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text);", "DROP TABLE users;")
			.goose("00002_index.sql", "CREATE INDEX users_name ON users (name);", "DROP INDEX users_name;");
	}

	private int run(String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--dir";
		all[args.length + 1] = this.dir.location();
		return runCommand(MigrateCommand.Defaults.NONE, Map.of(), all);
	}

	@Test
	void findingsAreCompilerLikeLinesAndExitOne() {
		assertThat(run("lint")).isOne();

		assertThat(out())
			.startsWith(this.dir.location() + "/00002_index.sql:2: warning [index-not-concurrent]"
					+ " CREATE INDEX on users without CONCURRENTLY.")
			.contains("Safe way: CREATE INDEX CONCURRENTLY")
			.contains("1 finding in 2 migrations");
		assertThat(err()).isEmpty();
	}

	@Test
	void safeMigrationsExitZero() {
		this.dir.delete("00002_index.sql")
			.file("00002_index.sql", "-- +goose NO TRANSACTION\n-- +goose Up\n"
					+ "CREATE INDEX CONCURRENTLY users_name ON users (name);\n");

		assertThat(run("lint")).isZero();
		assertThat(out().strip()).isEqualTo("No findings in 2 migrations.");
	}

	@Test
	void jsonCarriesEachFindingsFields() {
		assertThat(run("lint", "--json")).isOne();

		assertThat(out()).startsWith("{\"findings\": [{\"file\": ")
			.contains("\"line\": 2, \"rule\": \"index-not-concurrent\"")
			.contains("\"safe_way\": ");
	}

	/** The files a branch adds, as git names them: only those are linted. */
	@Test
	void onlyTheNamedFilesAreLinted() {
		this.dir.goose("00003_email.sql", "ALTER TABLE users ADD COLUMN email text;", "SELECT 1;");

		assertThat(run("lint", "db/migrations/00003_email.sql")).isZero();
		assertThat(out().strip()).isEqualTo("No findings in 1 migration.");
	}

	@Test
	void validateOfflineForPostgresqlWarnsToo() {
		assertThat(run("validate", "--offline", "--db", "jdbc:postgresql://127.0.0.1/none")).isZero();

		assertThat(err()).startsWith("migrate: ").contains("warning [index-not-concurrent]");
		assertThat(run("validate", "--offline", "--db", "app.db")).isZero();
		assertThat(err()).isEmpty();
	}

	@Test
	@RequiresPostgres
	void planAndValidateWarnAboutThePendingMigrationsOnPostgresql() {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			String url = database.dataSource().url();
			assertThat(run("up-to", "1", "--db", url)).isZero();

			assertThat(run("plan", "--db", url)).isZero();
			assertThat(err()).contains("00002_index.sql:2: warning [index-not-concurrent]");
			assertThat(run("validate", "--db", url, "--json")).isZero();
			assertThat(out()).startsWith("{\"valid\": true");
			assertThat(err()).contains("warning [index-not-concurrent]");

			assertThat(run("up", "--db", url)).isZero();
			assertThat(run("plan", "--db", url)).isZero();
			assertThat(err()).isEmpty();
		}
	}

}
