package dev.migrations.spring.boot;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrations.spring.autoconfigure.MigrationsNotAppliedException;
import dev.migrations.spring.boot.app.TablesSeenByRunners;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The test application with {@code migrations.on-startup=validate}, for deployments where
 * a job applies the migrations: it refuses to start while any is pending, and starts once
 * they are applied.
 */
@ExtendWith(OutputCaptureExtension.class)
class ValidateOnStartupApplicationTests {

	@TempDir
	Path temp;

	private ConfigurableApplicationContext start(String onStartup) {
		return Startups.todoApplication()
			.run(Startups.sqlite(this.temp.resolve("todo.db")), "--migrations.on-startup=" + onStartup,
					"--spring.main.web-application-type=none");
	}

	@Test
	void pendingMigrationsStopStartupWithoutApplyingAny(CapturedOutput output) {
		Throwable failure = catchThrowable(() -> start("validate"));

		MigrationsNotAppliedException notApplied = Startups.causeOfType(failure, MigrationsNotAppliedException.class);
		assertThat(notApplied).isNotNull();
		assertThat(notApplied.pending()).containsExactly(1L, 2L, 3L);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Versions 1, 2, 3 are pending.")
			.contains("start it once with migrations.on-startup=migrate from the deployment job or init container");
		assertThat(SqliteTestDatabase.at(this.temp.resolve("todo.db")).tables()).isEmpty();
	}

	@Test
	void startsWhenNothingIsPending() {
		start("migrate").close();

		try (ConfigurableApplicationContext context = start("validate")) {
			assertThat(context.getBean(TablesSeenByRunners.class).tables()).contains("todos");
		}
	}

}
