package dev.migrations.apps.twodatabases;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrations.Migrator;
import dev.migrations.spring.event.MigrationsEvent;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with two databases and a Migrator bean each, started the way its
 * {@code main} starts it.
 */
class TwoDatabasesStartupTests {

	@TempDir
	Path temp;

	@Test
	void bothMigratorsRunAtStartupInBeanOrderEachWithItsOwnHistoryAndEvents() {
		List<String> events = new CopyOnWriteArrayList<>();
		SpringApplication application = new SpringApplication(TwoDatabasesApplication.class);
		application.addListeners((ApplicationListener<MigrationsEvent>) (event) -> events
			.add(event.getClass().getSimpleName() + " " + ((Migrator) event.getSource()).table()));
		try (ConfigurableApplicationContext context = application.run(
				"--app.catalog.url=jdbc:sqlite:" + this.temp.resolve("catalog.db"),
				"--app.archive.url=jdbc:sqlite:" + this.temp.resolve("archive.db"))) {
			assertThat(SqliteTestDatabase.at(this.temp.resolve("catalog.db")).tables()).contains("books",
					"goose_db_version");
			assertThat(SqliteTestDatabase.at(this.temp.resolve("archive.db")).tables()).contains("books",
					"archive_versions");
			assertThat(events).containsExactly("MigrationsStartedEvent goose_db_version",
					"MigrationsFinishedEvent goose_db_version", "MigrationsStartedEvent archive_versions",
					"MigrationsFinishedEvent archive_versions");
		}
	}

}
