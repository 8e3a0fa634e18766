package dev.migrations.sample.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port with a SQLite file of its own, shared by every test
 * class that extends this one (one context, one database): tests create what they need
 * under unique names and never assume an empty database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class SqliteApplicationTests {

	private static final Path DATABASE = temporaryDatabase();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void sqliteDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> sqliteUrl(DATABASE));
	}

	/** The application's URL parameters on another file. */
	public static String sqliteUrl(Path file) {
		return "jdbc:sqlite:" + file
				+ "?foreign_keys=true&busy_timeout=5000&journal_mode=WAL&transaction_mode=IMMEDIATE";
	}

	/** The database file. */
	protected static Path database() {
		return DATABASE;
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

	private static Path temporaryDatabase() {
		try {
			Path directory = Files.createTempDirectory("proxy-test");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(directory)));
			return directory.resolve("proxy.db");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Best effort, when the JVM ends: the files may still be open, which Linux and macOS
	 * allow deleting.
	 */
	private static void deleteQuietly(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			files.forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// Left for the system's temporary directory cleaning.
		}
		directory.toFile().delete();
	}

}
