package dev.migrations.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configure annotation processor's metadata is in the jar, so that Spring Boot
 * filters each of our auto-configurations on its class conditions at startup without
 * loading the class.
 */
class AutoConfigurationMetadataTests {

	@Test
	void everyAutoConfigurationHasItsClassConditionInTheMetadata() throws IOException {
		Properties metadata = ours();
		List<String> autoConfigurations = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("dev.migrations."))
			.toList();
		assertThat(autoConfigurations).hasSize(4);
		for (String name : autoConfigurations) {
			assertThat(metadata.getProperty(name + ".ConditionalOnClass")).as(name).isNotBlank();
		}
		assertThat(metadata.getProperty(MigrationsAutoConfiguration.class.getName() + ".ConditionalOnClass"))
			.isEqualTo("dev.migrations.Migrator");
	}

	private Properties ours() throws IOException {
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-autoconfigure-metadata.properties"))) {
			Properties properties = new Properties();
			try (InputStream in = url.openStream()) {
				properties.load(in);
			}
			if (properties.containsKey(MigrationsAutoConfiguration.class.getName())) {
				return properties;
			}
		}
		throw new AssertionError(
				"No spring-autoconfigure-metadata.properties names " + MigrationsAutoConfiguration.class);
	}

}
