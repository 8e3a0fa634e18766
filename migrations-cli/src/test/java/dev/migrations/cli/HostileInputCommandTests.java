package dev.migrations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.lock.DatabaseLock;
import dev.migrations.lock.SqliteFileLock;
import dev.migrations.testing.HostileInput;
import dev.migrations.testing.HostileInputs;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's catalogue of hostile inputs through {@code migrate}: every refusal exits
 * with 1 and one line on standard error naming the file and line (followed at most by
 * hint lines), leaving the database as it was and its lock free; the awkward inputs that
 * must work exit with 0. Options that carry SQL are usage errors, 2, before anything
 * connects.
 */
class HostileInputCommandTests extends CommandTestSupport {

	static Stream<HostileInput> refused() {
		return HostileInputs.forTheCommandLine().filter(HostileInput::isRefused);
	}

	static Stream<HostileInput> working() {
		return HostileInputs.forTheCommandLine().filter((input) -> !input.isRefused());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void exitsWithOneNamingTheFileAndLeavesTheDatabaseAsItWas(HostileInput input) {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"));
		input.writeFiles(dir);
		Path file = this.temp.resolve("app.db");
		SqliteTestDatabase database = SqliteTestDatabase.at(file);
		input.prepare(database);
		boolean existed = Files.exists(file);
		Map<String, List<String>> before = existed ? contents(database) : Map.of();

		int status = runCommand(MigrateCommand.Defaults.NONE, input.environment(), arguments(input, dir, file));

		assertThat(status).as("exit status; stderr: %s", err()).isEqualTo(1);
		List<String> lines = err().lines().toList();
		assertThat(lines.stream().skip(1)).as("lines after the error")
			.allMatch((line) -> line.startsWith("migrate: hint: "));
		assertThat(lines).first().satisfies((line) -> {
			assertThat(line).startsWith("migrate: ");
			List<String> files = input.files(dir.path());
			files.forEach((named) -> assertThat(line).contains(named));
			if (input.line() > 0) {
				assertThat(line).contains(files.get(0) + ":" + input.line());
			}
			if (input.namesLocation()) {
				assertThat(line).contains(input.location(dir));
			}
			input.mentions().forEach((fragment) -> assertThat(line).contains(fragment));
		});
		if (input.stage() == HostileInput.Stage.BUILD) {
			assertThat(Files.exists(file)).as("the database file was created").isEqualTo(existed);
		}
		else if (input.leavesVersionTablesBehind()) {
			assertThat(database.tables()).containsExactlyInAnyOrder("goose_db_version", "goose_db_version_meta");
			assertThat(database.count("SELECT count(*) FROM goose_db_version WHERE version_id <> 0")).isZero();
		}
		else {
			assertThat(contents(database)).isEqualTo(before);
		}
		assertLockIsFree(file);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("working")
	void exitsWithZero(HostileInput input) {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"));
		input.writeFiles(dir);
		Path file = this.temp.resolve("app.db");
		SqliteTestDatabase database = SqliteTestDatabase.at(file);
		input.prepare(database);

		int status = runCommand(MigrateCommand.Defaults.NONE, input.environment(), arguments(input, dir, file));

		assertThat(status).as("exit status; stderr: %s", err()).isZero();
		assertThat(out()).contains("the database went from version").contains("to " + input.finalVersion() + ".");
		input.check(database);
		assertLockIsFree(file);
	}

	@Test
	void tableNamesCarryingSqlAreUsageErrorsBeforeAnythingConnects() {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER);", "DROP TABLE users;");
		String db = this.temp.resolve("app.db").toString();

		for (String[] option : List.of(new String[] { "--table", "x; DROP TABLE users" },
				new String[] { "--meta-table", "meta\"; DROP TABLE users; --" },
				new String[] { "--table", "public;drop.goose_db_version" })) {
			for (String command : List.of("up", "status", "plan")) {
				assertThat(runCommand(MigrateCommand.Defaults.NONE, Map.of(), command, "--db", db, "--dir",
						dir.location(), option[0], option[1]))
					.isEqualTo(2);
				assertThat(err()).startsWith("migrate: " + option[0] + ": Invalid ").contains("usage: migrate");
			}
		}
		assertThat(Path.of(db)).doesNotExist();
	}

	private static String[] arguments(HostileInput input, MigrationDir dir, Path file) {
		List<String> arguments = new ArrayList<>(
				List.of(input.command(), "--db", file.toString(), "--dir", input.location(dir)));
		input.placeholders().forEach((name, value) -> arguments.addAll(List.of("--placeholder", name + "=" + value)));
		return arguments.toArray(String[]::new);
	}

	private static void assertLockIsFree(Path file) {
		try (DatabaseLock.Lease lease = new SqliteFileLock(file).acquire(Duration.ZERO)) {
			// Taken without waiting: nobody holds it.
		}
	}

	private static Map<String, List<String>> contents(SqliteTestDatabase database) {
		Map<String, List<String>> contents = new LinkedHashMap<>();
		for (String table : database.tables()) {
			contents.put(table,
					database.query("SELECT * FROM \"" + table + "\"").stream().map(Object::toString).toList());
		}
		return contents;
	}

}
