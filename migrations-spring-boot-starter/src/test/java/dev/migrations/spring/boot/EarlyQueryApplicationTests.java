package dev.migrations.spring.boot;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The test application with a bean that queries while the context starts: under
 * {@code migrations.run-as=application-runner} the migrations have not run yet, and the
 * failure report says so and what to set; by default they run first and the application
 * starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class EarlyQueryApplicationTests {

	private static final String MARKER = "Qv7-unseen";

	@TempDir
	Path temp;

	@Test
	void underApplicationRunnerTheReportSaysTheMigrationsHadNotRun(CapturedOutput output) {
		Throwable failure = catchThrowable(() -> Startups.todoApplication()
			.run(Startups.sqlite(this.temp.resolve("todo.db")), "--server.port=0", "--todo.count-early=true",
					"--migrations.run-as=application-runner", "--spring.datasource.password=pw;" + MARKER));

		assertThat(failure).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("before the startup migrations had run")
			.contains("no such table: todos")
			.contains("Set migrations.run-as=auto (the default)")
			.doesNotContain(MARKER);
	}

	@Test
	void byDefaultTheMigrationsRunBeforeTheBeanQueries() {
		try (var context = Startups.todoApplication()
			.run(Startups.sqlite(this.temp.resolve("todo.db")), "--server.port=0", "--todo.count-early=true")) {
			assertThat(context.getBean(dev.migrations.spring.boot.app.OpenTodosCountedEarly.class).count())
				.as("the seeded open todo")
				.isOne();
		}
	}

}
