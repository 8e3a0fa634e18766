package dev.migrations.spring.boot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrations.MigrationFailedException;
import dev.migrations.spring.boot.app.TodoApplication;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A migration that fails stops the test application: {@code SpringApplication.run}
 * throws, so {@code main} exits non-zero, and Spring Boot's failure report, written by
 * our analyzer, names the file and line.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailingMigrationApplicationTests {

	@TempDir
	Path temp;

	private Path broken;

	@BeforeEach
	void addABrokenMigration() {
		MigrationDir.at(this.temp.resolve("extra"))
			.file("00004_priorities.sql", "-- +goose Up\nALTER TABLE todos ADD COLUMN priority INTEGER;\n\n"
					+ "UPDATE todo SET priority = 1;\n\n-- +goose Down\nALTER TABLE todos DROP COLUMN priority;\n");
		this.broken = this.temp.resolve("extra/00004_priorities.sql");
	}

	private String[] arguments() {
		return new String[] { Startups.sqlite(this.temp.resolve("todo.db")),
				Startups.withMigrationsFrom(this.temp.resolve("extra")), "--server.port=0" };
	}

	@Test
	void startupFailsAndTheReportNamesTheFileAndLine(CapturedOutput output) {
		Throwable failure = catchThrowable(() -> Startups.todoApplication().run(arguments()));

		MigrationFailedException migration = Startups.causeOfType(failure, MigrationFailedException.class);
		assertThat(migration).isNotNull();
		assertThat(migration.version()).isEqualTo(4);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Migration " + this.broken + " failed while being applied: the database refused statement 2,"
					+ " which starts on line 4.")
			.contains("no such table: todo")
			.contains("Fix statement 2 (line 4) of " + this.broken)
			// Spring Boot's fallback for failures no analyzer explains
			.doesNotContain("Application run failed");
		SqliteTestDatabase database = SqliteTestDatabase.at(this.temp.resolve("todo.db"));
		assertThat(database.count("SELECT max(version_id) FROM goose_db_version")).isEqualTo(3);
		assertThat(database.query("SELECT name FROM pragma_table_info('todos')"))
			.noneMatch((column) -> column.containsValue("priority"));
	}

	@Test
	void mainExitsNonZeroWithTheAnalysisAndNoStackTrace() throws Exception {
		Path stdout = this.temp.resolve("stdout.txt");
		Path stderr = this.temp.resolve("stderr.txt");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), TodoApplication.class.getName()));
		command.addAll(List.of(arguments()));
		Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.start();

		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the application exits").isTrue();
		String out = Files.readString(stdout, StandardCharsets.UTF_8);
		String err = Files.readString(stderr, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as("exit status; output:%n%s%n%s", out, err).isNotZero();
		// Spring Boot's console logging, which carries the failure report, writes to
		// standard output.
		assertThat(out).contains("APPLICATION FAILED TO START")
			.contains("Migration " + this.broken + " failed while being applied: the database refused statement 2,"
					+ " which starts on line 4.")
			.contains("Fix statement 2 (line 4) of " + this.broken);
		// The report stands alone: the exception, once reported, is not printed again
		// with its stack trace.
		assertThat(out + err).doesNotContain("Exception in thread").doesNotContain("\tat ");
	}

}
