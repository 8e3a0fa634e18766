package dev.migrations.sample;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteDirectoryTests {

	@TempDir
	Path directory;

	@Test
	void aSqliteUrlNamesItsFileWithoutParameters() {
		assertThat(SqliteDirectory.file("jdbc:sqlite:./data/proxy.db?foreign_keys=true&busy_timeout=5000"))
			.contains(Path.of("./data/proxy.db"));
		assertThat(SqliteDirectory.file("jdbc:sqlite:/var/lib/proxy/proxy.db"))
			.contains(Path.of("/var/lib/proxy/proxy.db"));
	}

	@Test
	void otherUrlsNameNoFile() {
		assertThat(SqliteDirectory.file(null)).isEmpty();
		assertThat(SqliteDirectory.file("jdbc:postgresql://127.0.0.1:5432/proxy")).isEmpty();
		assertThat(SqliteDirectory.file("jdbc:sqlite::memory:")).isEmpty();
		assertThat(SqliteDirectory.file("jdbc:sqlite:")).isEmpty();
		assertThat(SqliteDirectory.file("jdbc:sqlite:file:proxy?mode=memory&cache=shared")).isEmpty();
	}

	@Test
	void theDirectoryOfTheConfiguredDatabaseIsCreatedBeforeAnyBean() {
		Path database = this.directory.resolve("nested/data/proxy.db");

		run("--spring.datasource.url=jdbc:sqlite:" + database + "?foreign_keys=true").close();

		assertThat(database.getParent()).isDirectory();
		assertThat(database).doesNotExist();
	}

	@Test
	void theMigrationsOwnSqliteUrlGetsItsDirectoryToo() {
		Path database = this.directory.resolve("migrations-only/proxy.db");

		run("--migrations.url=jdbc:sqlite:" + database).close();

		assertThat(database.getParent()).isDirectory();
	}

	@Test
	void itCanBeTurnedOff() {
		Path database = this.directory.resolve("off/proxy.db");

		run("--spring.datasource.url=jdbc:sqlite:" + database, "--" + SqliteDirectory.ENABLED_PROPERTY + "=false")
			.close();

		assertThat(database.getParent()).doesNotExist();
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).run(args);
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
