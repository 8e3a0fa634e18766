package dev.migrations.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Creates the directory of the application's SQLite database file ({@code ./data} by
 * default) before anything opens it: SQLite creates a missing file, not a missing
 * directory. It acts once the environment is complete (command-line and test properties
 * included) and before any bean exists; the {@code migrate} command line, which creates
 * no context, calls it on the configuration it reads.
 * {@code proxy.sqlite.create-directory=false} turns it off; the command line does so when
 * {@code --db} names another database.
 */
public final class SqliteDirectory implements ApplicationListener<ApplicationPreparedEvent> {

	/** The property that turns it off. */
	public static final String ENABLED_PROPERTY = "proxy.sqlite.create-directory";

	private static final String PREFIX = "jdbc:sqlite:";

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		prepare(event.getApplicationContext().getEnvironment());
	}

	/**
	 * Creates the directory of the SQLite file the configuration names, unless turned
	 * off; the {@code migrate} command line calls it on the configuration it reads.
	 * @param environment the complete configuration
	 */
	static void prepare(Environment environment) {
		if (!environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return;
		}
		for (String property : new String[] { "spring.datasource.url", "migrations.url" }) {
			file(environment.getProperty(property)).ifPresent(SqliteDirectory::createParent);
		}
	}

	/**
	 * The database file a SQLite JDBC URL names.
	 * @param url a JDBC URL, or {@code null}
	 * @return the file, or empty for other databases, in-memory ones and {@code file:}
	 * URIs
	 */
	static Optional<Path> file(String url) {
		if (url == null || !url.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String path = url.substring(PREFIX.length());
		int query = path.indexOf('?');
		path = (query >= 0) ? path.substring(0, query) : path;
		if (path.isBlank() || path.startsWith(":") || path.startsWith("file:")) {
			return Optional.empty();
		}
		return Optional.of(Path.of(path));
	}

	static void createParent(Path file) {
		Path parent = file.toAbsolutePath().getParent();
		if (parent == null || Files.isDirectory(parent)) {
			return;
		}
		try {
			Files.createDirectories(parent);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + parent + ", the directory of the SQLite database", ex);
		}
	}

}
