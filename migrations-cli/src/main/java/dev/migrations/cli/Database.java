package dev.migrations.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.migrations.Redaction;

/**
 * The database named by {@code --db}: a JDBC URL, or the path of a SQLite file. A
 * {@link DataSource} whose messages never carry the password, nor any secret of the URL
 * (see {@link Redaction#forConnection}). The drivers {@code migrate.jar} carries are
 * asked directly for their own URLs; any other URL goes through {@link DriverManager},
 * whose first use loads and starts every driver on the class path, a cost a short command
 * notices.
 */
final class Database implements DataSource {

	/** The driver of each URL prefix, where it is on the class path. */
	private static final Map<String, String> DRIVERS = Map.of("jdbc:sqlite:", "org.sqlite.JDBC", "jdbc:postgresql:",
			"org.postgresql.Driver", "jdbc:mariadb:", "org.mariadb.jdbc.Driver", "jdbc:mysql:",
			"com.mysql.cj.jdbc.Driver");

	private static final Map<String, Optional<Driver>> LOADED = new ConcurrentHashMap<>();

	private final String url;

	private final String user;

	private final String password;

	private final Redaction redaction;

	private Database(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.redaction = Redaction.forConnection(url, password);
	}

	/**
	 * Reads a {@code --db} value.
	 * @param db a JDBC URL, or a path, which means a SQLite file
	 * @param user the user, or {@code null}
	 * @param password the password, or {@code null}
	 * @return the database
	 */
	static Database of(String db, String user, String password) {
		String url = db.startsWith("jdbc:") ? db : "jdbc:sqlite:" + db;
		return new Database(url, user, password);
	}

	/**
	 * The vendor of the URL, as {@code {vendor}} locations name it: {@code postgresql},
	 * {@code sqlite}.
	 */
	String vendor() {
		String rest = this.url.substring("jdbc:".length());
		int colon = rest.indexOf(':');
		return ((colon > 0) ? rest.substring(0, colon) : rest).toLowerCase(Locale.ROOT);
	}

	/** The URL without any password it carries, safe to show. */
	String redactedUrl() {
		return this.redaction.apply(this.url);
	}

	/** Hides this database's credentials, wherever they are in a text. */
	Redaction redaction() {
		return this.redaction;
	}

	@Override
	public Connection getConnection() throws SQLException {
		checkSqliteDirectory();
		Properties properties = new Properties();
		if (this.user != null) {
			properties.setProperty("user", this.user);
		}
		if (this.password != null) {
			properties.setProperty("password", this.password);
		}
		try {
			Optional<Driver> driver = driver(this.url);
			Connection connection = driver.isPresent() ? driver.get().connect(this.url, properties) : null;
			return (connection != null) ? connection : DriverManager.getConnection(this.url, properties);
		}
		catch (SQLException ex) {
			String message = this.redaction.apply(ex.getMessage());
			if (ex.getMessage() != null && ex.getMessage().startsWith("No suitable driver")) {
				message = "no JDBC driver on the classpath accepts " + redactedUrl();
			}
			SQLException safe = new SQLException(message, ex.getSQLState(), ex.getErrorCode());
			safe.setStackTrace(ex.getStackTrace());
			throw safe;
		}
	}

	/** The driver {@code migrate.jar} carries for a URL, when it is on the class path. */
	private static Optional<Driver> driver(String url) {
		for (Map.Entry<String, String> entry : DRIVERS.entrySet()) {
			if (url.startsWith(entry.getKey())) {
				return LOADED.computeIfAbsent(entry.getValue(), Database::load);
			}
		}
		return Optional.empty();
	}

	private static Optional<Driver> load(String className) {
		try {
			return Optional.of((Driver) Class.forName(className, true, Database.class.getClassLoader())
				.getDeclaredConstructor()
				.newInstance());
		}
		catch (ReflectiveOperationException | LinkageError | ClassCastException ex) {
			return Optional.empty();
		}
	}

	/** SQLite's own message for a missing directory names no path; this one does. */
	private void checkSqliteDirectory() throws SQLException {
		if (!this.url.startsWith("jdbc:sqlite:")) {
			return;
		}
		String path = this.url.substring("jdbc:sqlite:".length());
		int query = path.indexOf('?');
		path = (query >= 0) ? path.substring(0, query) : path;
		if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:")) {
			return;
		}
		Path parent = Path.of(path).toAbsolutePath().getParent();
		if (parent != null && !Files.isDirectory(parent)) {
			throw new SQLException(
					"the directory " + parent + " of SQLite database " + path + " does not exist; create it first");
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return new Database(this.url, username, password).getConnection();
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
		DriverManager.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() {
		return DriverManager.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new SQLException("Not a wrapper for " + type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this);
	}

	@Override
	public String toString() {
		return redactedUrl();
	}

}
