package dev.migrations.spring.diagnostics;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

import dev.migrations.DatabaseAccessException;
import dev.migrations.Redaction;

/**
 * Analyzes a {@link DatabaseAccessException}: the database could not be reached or
 * refused the engine's query. For a SQLite file whose directory does not exist, whose
 * driver says only that it cannot open the file, it names the directory, as the
 * {@code migrate} command does.
 */
final class DatabaseAccessFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseAccessException> {

	private static final String SQLITE = "jdbc:sqlite:";

	private final Environment environment;

	DatabaseAccessFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseAccessException cause) {
		Optional<Path> missing = missingSqliteDirectory();
		if (missing.isPresent()) {
			String description = "The migrations could not start: the directory " + missing.get()
					+ " of the SQLite database does not exist, and SQLite creates a database file but not its"
					+ " directory. The database said: " + redaction().apply(cause.databaseMessage())
					+ ". No migration was run.";
			String action = "Create the directory " + missing.get() + ", or point spring.datasource.url (or"
					+ " migrations.url) at a file in a directory that exists.";
			return new FailureAnalysis(description, action, cause);
		}
		String description = "The migrations could not start: the engine failed " + cause.action()
				+ ". The database said: " + redaction().apply(cause.databaseMessage())
				+ ((cause.sqlState() != null) ? " (SQLState " + cause.sqlState() + ")" : "")
				+ ". No migration was run.";
		String action = "Check that the database is up and reachable with the configured DataSource (spring.datasource.*,"
				+ " or migrations.url/user/password for a separate migration connection), and that its user may read"
				+ " and create the version tables.";
		return new FailureAnalysis(description, action, cause);
	}

	/**
	 * The engine hid the credentials of the DataSource it was given; these are the
	 * configured ones, for a DataSource that does not tell its own.
	 */
	private Redaction redaction() {
		if (this.environment == null) {
			return Redaction.PATTERNS;
		}
		return Redaction
			.forConnection(this.environment.getProperty("spring.datasource.url"),
					this.environment.getProperty("spring.datasource.password"))
			.and(Redaction.forConnection(this.environment.getProperty("migrations.url"),
					this.environment.getProperty("migrations.password")));
	}

	/**
	 * The missing directory of the SQLite file the migrations connect to, when that is
	 * the trouble.
	 */
	private Optional<Path> missingSqliteDirectory() {
		if (this.environment == null) {
			return Optional.empty();
		}
		String url = this.environment.getProperty("migrations.url",
				this.environment.getProperty("spring.datasource.url"));
		if (url == null || !url.startsWith(SQLITE)) {
			return Optional.empty();
		}
		String path = url.substring(SQLITE.length());
		int query = path.indexOf('?');
		path = (query >= 0) ? path.substring(0, query) : path;
		if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:")) {
			return Optional.empty();
		}
		try {
			Path parent = Path.of(path).toAbsolutePath().getParent();
			return (parent != null && !Files.isDirectory(parent)) ? Optional.of(parent) : Optional.empty();
		}
		catch (InvalidPathException ex) {
			return Optional.empty();
		}
	}

}
