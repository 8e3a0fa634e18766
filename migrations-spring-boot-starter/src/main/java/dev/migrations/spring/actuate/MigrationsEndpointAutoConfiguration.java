package dev.migrations.spring.actuate;

import java.util.Map;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.migrations.Migrator;
import dev.migrations.spring.autoconfigure.MigrationsAutoConfiguration;

/**
 * Auto-configuration of the {@code migrations} endpoint: read-only, or with the operation
 * that applies pending migrations when {@code migrations.endpoint.migrate-enabled} is
 * true.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
@ConditionalOnBean(Migrator.class)
public final class MigrationsEndpointAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "migrations.endpoint.migrate-enabled", havingValue = false,
			matchIfMissing = true)
	static class ReadOnlyEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrationsEndpoint migrationsEndpoint(Map<String, Migrator> migrators) {
			return new MigrationsEndpoint(migrators);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("migrations.endpoint.migrate-enabled")
	static class WritableEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean(MigrationsEndpoint.class)
		WritableMigrationsEndpoint migrationsEndpoint(Map<String, Migrator> migrators) {
			return new WritableMigrationsEndpoint(migrators);
		}

	}

}
