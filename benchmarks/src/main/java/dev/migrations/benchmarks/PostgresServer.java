package dev.migrations.benchmarks;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.Redaction;

/**
 * The PostgreSQL server: each run gets a database of its own
 * ({@code CREATE DATABASE bench_…}), dropped afterwards, since every tool creates tables
 * of its own.
 */
public final class PostgresServer implements DatabaseServer {

	private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String adminUrl;

	/**
	 * Databases created and not dropped yet: an interrupted run (Ctrl-C) drops them on
	 * its way out.
	 */
	private final Set<String> live = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the server.
	 * @param adminUrl a URL of an existing database on it, to create and drop the others
	 * from
	 */
	public PostgresServer(String adminUrl) {
		this.adminUrl = adminUrl;
		withDatabase(adminUrl, "x");
		Runtime.getRuntime().addShutdownHook(new Thread(this::dropLeftovers, "drop-benchmark-databases"));
	}

	@Override
	public DatabaseKind kind() {
		return DatabaseKind.POSTGRES;
	}

	/**
	 * The same URL naming another database.
	 * @param url a {@code jdbc:postgresql://host[:port]/database[?parameters]} URL
	 * @param database the other database
	 * @return the URL with its parameters, naming {@code database}
	 */
	public static String withDatabase(String url, String database) {
		Matcher matcher = URL.matcher(url);
		if (!matcher.matches()) {
			throw new UsageException(
					"The PostgreSQL URL must read jdbc:postgresql://host[:port]/database[?parameters]");
		}
		return matcher.group(1) + database + ((matcher.group(3) != null) ? matcher.group(3) : "");
	}

	/**
	 * A URL's server and database, safe to print: {@code 127.0.0.1:5432/test}, without
	 * user or parameters.
	 * @param url a {@code jdbc:postgresql://} URL
	 * @return host, port and database
	 */
	public static String describe(String url) {
		Matcher matcher = URL.matcher(url);
		if (!matcher.matches()) {
			return "(unreadable URL)";
		}
		String server = matcher.group(1).substring("jdbc:postgresql://".length());
		int at = server.lastIndexOf('@');
		return server.substring(at + 1) + matcher.group(2);
	}

	/**
	 * Connects once, to tell whether the server answers.
	 * @return the server's version
	 * @throws SQLException when it does not answer
	 */
	public String version() throws SQLException {
		DriverManager.setLoginTimeout(5);
		try (Connection connection = DriverManager.getConnection(this.adminUrl);
				Statement statement = connection.createStatement();
				ResultSet version = statement.executeQuery("SHOW server_version")) {
			version.next();
			return version.getString(1);
		}
	}

	@Override
	public ScratchDatabase create(String label) {
		String name = "bench_" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
				+ HexFormat.of().formatHex(RANDOM.generateSeed(4));
		execute("CREATE DATABASE " + name);
		this.live.add(name);
		return new Database(this, name, withDatabase(this.adminUrl, name));
	}

	private void drop(String name) {
		execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		this.live.remove(name);
	}

	private void dropLeftovers() {
		for (String name : List.copyOf(this.live)) {
			try {
				drop(name);
			}
			catch (BenchmarkException ex) {
				System.err.println("benchmarks: could not drop " + name + ": " + ex.getMessage());
			}
		}
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new BenchmarkException("PostgreSQL refused " + sql + ": " + Redaction.credentials(ex.getMessage()),
					ex);
		}
	}

	private record Database(PostgresServer server, String name, String url) implements ScratchDatabase {

		@Override
		public DatabaseKind kind() {
			return DatabaseKind.POSTGRES;
		}

		@Override
		public void close() {
			this.server.drop(this.name);
		}

	}

}
