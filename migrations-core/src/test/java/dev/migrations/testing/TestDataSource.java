package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

/**
 * A plain {@link DriverManager} data source: a new connection per call, as the engine
 * expects to cope with. It counts the connections asked for, so that a test can prove the
 * engine asked for none. On SQLite, which has no sleep function of its own, each
 * connection gets {@code sleep(millis)}, which sleeps: the slow statements of the
 * concurrency tests wait, as {@code pg_sleep} does, rather than compute.
 */
public final class TestDataSource extends SimpleDataSource {

	private final String url;

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicInteger failures = new AtomicInteger();

	public TestDataSource(String url) {
		this.url = url;
	}

	/** A data source whose every connection attempt fails. */
	public static TestDataSource unreachable() {
		return new TestDataSource(null);
	}

	public String url() {
		return this.url;
	}

	/** How many connections were asked for. */
	public AtomicInteger attempts() {
		return this.attempts;
	}

	/** The connection attempts that failed so far. */
	public AtomicInteger failures() {
		return this.failures;
	}

	@Override
	public Connection getConnection() throws SQLException {
		this.attempts.incrementAndGet();
		try {
			if (this.url == null) {
				throw new SQLException("no database in this test");
			}
			return withSleep(DriverManager.getConnection(this.url));
		}
		catch (SQLException ex) {
			this.failures.incrementAndGet();
			throw ex;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return withSleep(DriverManager.getConnection(this.url, username, password));
	}

	private static Connection withSleep(Connection connection) throws SQLException {
		if (connection.isWrapperFor(SQLiteConnection.class)) {
			Function.create(connection.unwrap(SQLiteConnection.class), "sleep", new Sleep());
		}
		return connection;
	}

	/** {@code sleep(millis)}: sleeps, then answers the milliseconds slept. */
	private static final class Sleep extends Function {

		@Override
		protected void xFunc() throws SQLException {
			long millis = value_long(0);
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLException("interrupted while sleeping");
			}
			result(millis);
		}

	}

}
