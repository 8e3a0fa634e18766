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

import dev.migrations.testing.MariaDbClassDatabase;
import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.RequiresMariaDb;

/**
 * The application with the {@code mysql} profile on a random port, its URL pointed at a
 * database of its own on the test MariaDB server. The database is dropped and the context
 * closed after the class.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
@RequiresMariaDb
@DirtiesContext
public abstract class MariaDbApplicationTests {

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void mariaDbDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database().dataSource().url());
	}

	/** The class's database, created the first time it is asked for. */
	protected static MariaDbTestDatabase database() {
		return MariaDbClassDatabase.get();
	}

	@AfterAll
	static void dropDatabase() {
		MariaDbClassDatabase.drop();
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
