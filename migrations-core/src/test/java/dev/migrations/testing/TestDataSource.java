package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain {@link DriverManager} data source: a new connection per call, as the engine
 * expects to cope with. It counts the connections asked for, so that a test can prove the
 * engine asked for none.
 */
public final class TestDataSource extends SimpleDataSource {

	private final String url;

	private final AtomicInteger attempts = new AtomicInteger();

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

	@Override
	public Connection getConnection() throws SQLException {
		this.attempts.incrementAndGet();
		if (this.url == null) {
			throw new SQLException("no database in this test");
		}
		return DriverManager.getConnection(this.url);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return DriverManager.getConnection(this.url, username, password);
	}

}
