package dev.migrations.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrations.Migrator;
import dev.migrations.MigratorConfiguration;
import dev.migrations.MigratorOption;
import dev.migrations.testing.MigrationDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties follow the engine's catalogue of options: each option a
 * property sets is a property the IDE knows and the README lists, and an application that
 * sets none gets the engine's own defaults.
 */
class MigrationsOptionCatalogueTests {

	@TempDir
	Path temp;

	@Test
	void everyPropertyOfTheCatalogueIsKnownToTheIdeAndListedInTheReadme() throws IOException {
		String metadata = propertyMetadata();
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		for (MigratorOption option : MigratorOption.values()) {
			if (option.property().isEmpty()) {
				continue;
			}
			String property = option.property().get();
			assertThat(metadata).as("metadata of " + property).contains("\"name\": \"" + property + "\"");
			assertThat(readme).as("README properties table").contains("| `" + property);
		}
	}

	@Test
	void anApplicationThatSetsNoPropertyGetsTheEnginesDefaults() {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("app.db"),
					"migrations.locations=filesystem:" + dir.location(), "migrations.on-startup=none")
			.run((context) -> {
				MigratorConfiguration starter = context.getBean(Migrator.class).configuration();
				MigratorConfiguration engine = Migrator.builder()
					.dataSource(context.getBean(DataSource.class))
					.locations(dir.location())
					.build()
					.configuration();

				assertThat(starter).isEqualTo(engine);
			});
	}

	/**
	 * The metadata the configuration processor wrote for the starter's own properties.
	 */
	private static String propertyMetadata() throws IOException {
		for (URL url : Collections.list(MigrationsOptionCatalogueTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				if (text.contains("\"name\": \"migrations.locations\"")) {
					return text;
				}
			}
		}
		throw new IllegalStateException("No configuration metadata for migrations.* on the classpath");
	}

}
