package dev.migrations.apps;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.testing.PostgresClassSchema;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

/**
 * A test class whose application context runs in a fresh schema of its own on the test
 * PostgreSQL server, dropped after the class. Skipped without the server, failed under
 * {@code CI=true}.
 */
@RequiresPostgres
@DirtiesContext
public abstract class OnPostgres {

	@DynamicPropertySource
	static void postgresSchema(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database().dataSource().url());
	}

	/** The class's schema, created the first time it is asked for. */
	protected static PostgresTestDatabase database() {
		return PostgresClassSchema.get();
	}

	@AfterAll
	static void dropSchema() {
		PostgresClassSchema.drop();
	}

}
