package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of its own on the test server, created empty and dropped (with any session
 * still in it) on close. For tests that a schema cannot isolate: advisory locks are per
 * database, so a goose lock held or left behind here meets no other test, and terminating
 * every session of this database touches no other build.
 */
public final class PostgresScratchDatabase implements TestDatabase {

	private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

	private final String name;

	private final TestDataSource dataSource;

	private PostgresScratchDatabase(String name) {
		this.name = name;
		this.dataSource = new TestDataSource(urlOf(name));
	}

	/** Creates a fresh, empty database. */
	public static PostgresScratchDatabase create() {
		String name = "scratch_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		PostgresTestDatabase.admin("CREATE DATABASE " + name);
		return new PostgresScratchDatabase(name);
	}

	/**
	 * The test server's URL with another database in it, keeping the user and other
	 * parameters.
	 */
	static String urlOf(String database) {
		Matcher matcher = DATABASE_IN_URL.matcher(PostgresTestDatabase.baseUrl());
		if (!matcher.matches()) {
			throw new IllegalStateException("Cannot tell the database in " + PostgresTestDatabase.URL_VARIABLE);
		}
		return matcher.group(1) + database + matcher.group(3);
	}

	/** The database's name. */
	public String name() {
		return this.name;
	}

	/**
	 * This database's URL with one more parameter ({@code ApplicationName=runner}, say).
	 */
	public String url(String parameter) {
		String url = this.dataSource.url();
		return url + (url.contains("?") ? "&" : "?") + parameter;
	}

	@Override
	public TestDataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public String vendor() {
		return "postgresql";
	}

	@Override
	public List<String> tables() {
		return query("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY tablename")
			.stream()
			.map((Map<String, Object> row) -> String.valueOf(row.get("tablename")))
			.toList();
	}

	/**
	 * The sessions connected to this database other than the asking one, as seen by the
	 * server now.
	 */
	public List<Map<String, Object>> sessions() {
		return query("SELECT pid, application_name, state, query FROM pg_catalog.pg_stat_activity"
				+ " WHERE datname = current_database() AND pid <> pg_backend_pid() ORDER BY pid");
	}

	/** Whether an advisory lock with this key is held by any session of this database. */
	public boolean advisoryLockHeld(long key) {
		try (Connection connection = DriverManager.getConnection(this.dataSource.url());
				PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_catalog.pg_locks"
						+ " WHERE locktype = 'advisory' AND granted AND classid::bigint = ? AND objid::bigint = ?"
						+ " AND database = (SELECT oid FROM pg_catalog.pg_database"
						+ " WHERE datname = current_database())")) {
			query.setLong(1, key >>> 32);
			query.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getLong(1) > 0;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Ends every other session of this database from the server side, as a server restart
	 * would, and waits until they are gone (a pool may open new ones meanwhile, as it
	 * would once a restarted server is back); answers how many it ended.
	 */
	public int terminateSessions() throws InterruptedException {
		// In the select list, pg_terminate_backend runs only for the rows the WHERE
		// clause keeps.
		List<Object> ended = query("SELECT pid, pg_terminate_backend(pid) AS ended FROM pg_catalog.pg_stat_activity"
				+ " WHERE datname = current_database() AND pid <> pg_backend_pid()")
			.stream()
			.filter((row) -> Boolean.TRUE.equals(row.get("ended")))
			.map((row) -> row.get("pid"))
			.toList();
		long giveUp = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
		while (sessions().stream().anyMatch((session) -> ended.contains(session.get("pid")))) {
			if (System.nanoTime() > giveUp) {
				throw new IllegalStateException("Sessions survived pg_terminate_backend: " + sessions());
			}
			Thread.sleep(20);
		}
		return ended.size();
	}

	@Override
	public void close() {
		PostgresTestDatabase.admin("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

	@Override
	public String toString() {
		return "PostgreSQL database " + this.name;
	}

}
