package dev.migrations.sample.support;

import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.testing.PostgresClassSchema;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

/**
 * The application with the {@code postgres} profile on a random port, its URL pointed at
 * a schema of its own on the test server. The schema is dropped and the context closed
 * after the class.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@RequiresPostgres
@DirtiesContext
public abstract class PostgresApplicationTests {

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void postgresDatabase(DynamicPropertyRegistry registry) {
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

	@Autowired
	private ApplicationContext context;

	/**
	 * The running application's context, for the beans a test reads the database through.
	 */
	public ApplicationContext context() {
		return this.context;
	}

	/** The management API of the running application. */
	public Api api() {
		return new Api(this.port);
	}

	/** Projects and tokens made through the API. */
	public ProxyFixtures fixtures() {
		return new ProxyFixtures(api());
	}

}
