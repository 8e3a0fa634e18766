package dev.migrations.apps.jpa;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** The Data JPA application started the way its {@code main} starts it. */
@ExtendWith(OutputCaptureExtension.class)
class LibraryStartupTests {

	@TempDir
	Path temp;

	@Test
	void startsOnAFreshDatabaseWithoutAnyMigrationsSetting() {
		try (ConfigurableApplicationContext context = SpringApplication.run(LibraryApplication.class,
				"--spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("library.db"))) {
			assertThat(context.getBean(BookRepository.class).count()).isEqualTo(3);
		}
	}

	@Test
	void withTheApplicationRunnerChosenTheFailureSaysTheMigrationsHadNotRunAndWhichSettingChangesIt(
			CapturedOutput output) {
		Path file = this.temp.resolve("library.db");
		assertThatException().isThrownBy(() -> SpringApplication.run(LibraryApplication.class,
				"--spring.datasource.url=jdbc:sqlite:" + file, "--migrations.run-as=application-runner"));
		String report = output.toString().substring(output.toString().indexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains("missing table [books]")
			.contains("before the startup migrations had run: bean 'entityManagerFactory' used DataSource 'dataSource'")
			.contains("versions [1, 2] were still pending, because migrations.run-as=application-runner applies them"
					+ " only after the context has started")
			.contains("Set migrations.run-as=auto (the default)");
		assertThat(SqliteTestDatabase.at(file).tables()).doesNotContain("books");
	}

}
