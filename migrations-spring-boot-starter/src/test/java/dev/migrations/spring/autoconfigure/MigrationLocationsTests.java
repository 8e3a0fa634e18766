package dev.migrations.spring.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrations.MigrationSourceException;
import dev.migrations.Migrator;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classpath locations, which Spring's resource resolver lists, follow the engine's rule
 * for files on disk: a symbolic link that leads out of the location's directory is
 * refused, so the migrations cannot be made to read a file from elsewhere.
 */
class MigrationLocationsTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	private ApplicationContextRunner withClasspathRoot(Path root) throws IOException {
		URLClassLoader loader = new URLClassLoader(new URL[] { root.toUri().toURL() }, getClass().getClassLoader());
		return this.contextRunner.withClassLoader(loader)
			.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("app.db"),
					"migrations.locations=classpath:linked-migrations", "migrations.run-as=initializer");
	}

	private Path root() throws IOException {
		Path directory = Files.createDirectories(this.temp.resolve("classes/linked-migrations"));
		Files.writeString(directory.resolve("00001_users.sql"),
				"-- +goose Up\nCREATE TABLE users (id INTEGER PRIMARY KEY);\n");
		return this.temp.resolve("classes");
	}

	@Test
	void aSymbolicLinkToAFileOutsideTheLocationIsRefusedBeforeAnythingRuns() throws IOException {
		Path root = root();
		Path outside = Files.writeString(this.temp.resolve("drop-users.sql"), "-- +goose Up\nDROP TABLE users;\n");
		Path link = Files.createSymbolicLink(root.resolve("linked-migrations/00002_drop.sql"), outside);

		withClasspathRoot(root).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MigrationSourceException.class)
				.hasMessage("Migration file " + link + " is a symbolic link to a file outside"
						+ " classpath:linked-migrations; copy the file into the directory instead.");
			assertThat(SqliteTestDatabase.at(this.temp.resolve("app.db")).tables()).isEmpty();
		});
	}

	@Test
	void aSymbolicLinkToAFileBesideItIsRead() throws IOException {
		Path root = root();
		Files.writeString(root.resolve("linked-migrations/posts.sql.txt"),
				"-- +goose Up\nCREATE TABLE posts (id INTEGER PRIMARY KEY);\n");
		Files.createSymbolicLink(root.resolve("linked-migrations/00002_posts.sql"), Path.of("posts.sql.txt"));

		withClasspathRoot(root).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).migrations()).containsValues("00001_users.sql",
					"00002_posts.sql");
			assertThat(SqliteTestDatabase.at(this.temp.resolve("app.db")).tables()).contains("users", "posts");
		});
	}

}
