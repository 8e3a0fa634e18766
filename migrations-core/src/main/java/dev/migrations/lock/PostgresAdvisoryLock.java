package dev.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.DatabaseAccessException;
import dev.migrations.LockTimeoutException;

/**
 * A session-level PostgreSQL advisory lock on the migration connection. It is polled with
 * {@code pg_try_advisory_lock} rather than awaited with {@code pg_advisory_lock}: a
 * waiter blocked inside a statement would hold a snapshot, and a
 * {@code CREATE INDEX CONCURRENTLY} run by the holder waits for every such snapshot, so
 * the two would deadlock. The lock dies with the session, so a crashed runner cannot
 * leave it behind.
 *
 * <p>
 * A session outlives its client, though, while the server is busy with a statement: a
 * runner killed during a long migration would leave its backend running the statement,
 * holding the lock and the transaction, until the statement ends. So while the lock is
 * held, the server is asked to check the client's socket every second
 * ({@code client_connection_check_interval}, PostgreSQL 14 and later) and to end the
 * session as soon as the client is gone, which rolls back the migration and frees the
 * lock for the next runner.
 */
public final class PostgresAdvisoryLock implements DatabaseLock {

	private static final Logger logger = LoggerFactory.getLogger(PostgresAdvisoryLock.class);

	private static final String CHECK_INTERVAL = "client_connection_check_interval";

	private static final String CHECK_INTERVAL_WHILE_LOCKED = "1s";

	private final Connection connection;

	private final long key;

	/** Whether this lock turned the check on, and so turns it off again on release. */
	private boolean checking;

	/**
	 * Creates the lock.
	 * @param connection the session that will hold it
	 * @param key the advisory lock key
	 */
	public PostgresAdvisoryLock(Connection connection, long key) {
		this.connection = connection;
		this.key = key;
	}

	@Override
	public Lease acquire(Duration timeout) {
		Backoff backoff = new Backoff(timeout);
		do {
			if (tryLock()) {
				logger.debug("Acquired {} after {} ms", this, backoff.elapsed().toMillis());
				watchForVanishedClient();
				return this::release;
			}
		}
		while (backoff.pause());
		throw new LockTimeoutException(toString(), backoff.elapsed(), holder());
	}

	private boolean tryLock() {
		try (PreparedStatement query = this.connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			query.setLong(1, this.key);
			try (ResultSet result = query.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("taking " + this, ex);
		}
	}

	/**
	 * Makes the server end this session soon after its client disappears, when the server
	 * can and the session does not already check. Best effort: a server without the
	 * setting still has the lock, only without this safeguard.
	 */
	private void watchForVanishedClient() {
		try (Statement statement = this.connection.createStatement();
				ResultSet setting = statement.executeQuery(
						"SELECT setting FROM pg_catalog.pg_settings" + " WHERE name = '" + CHECK_INTERVAL + "'")) {
			if (setting.next() && "0".equals(setting.getString(1))) {
				setCheckInterval(CHECK_INTERVAL_WHILE_LOCKED);
				this.checking = true;
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not make the server watch for a vanished client while holding {}", this, ex);
		}
	}

	private void setCheckInterval(String value) throws SQLException {
		try (PreparedStatement set = this.connection.prepareStatement("SELECT set_config(?, ?, false)")) {
			set.setString(1, CHECK_INTERVAL);
			set.setString(2, value);
			set.executeQuery().close();
		}
	}

	private void release() {
		unlock();
		if (this.checking) {
			try {
				setCheckInterval("0");
				this.checking = false;
			}
			catch (SQLException ex) {
				throw new DatabaseAccessException("restoring " + CHECK_INTERVAL + " after releasing " + this, ex);
			}
		}
	}

	private void unlock() {
		try (PreparedStatement query = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			query.setLong(1, this.key);
			query.executeQuery().close();
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("releasing " + this, ex);
		}
	}

	/**
	 * Who holds the lock, from pg_locks and pg_stat_activity, or {@code null} when that
	 * cannot be read.
	 */
	String holder() {
		String sql = "SELECT a.pid, a.application_name, a.client_addr, a.backend_start, a.state"
				+ " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
				+ " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
				+ " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"
				+ " AND l.classid::bigint = ? AND l.objid::bigint = ?";
		try (PreparedStatement query = this.connection.prepareStatement(sql)) {
			query.setLong(1, this.key >>> 32);
			query.setLong(2, this.key & 0xFFFFFFFFL);
			try (ResultSet result = query.executeQuery()) {
				if (!result.next()) {
					return null;
				}
				String application = result.getString(2);
				return "PostgreSQL backend pid " + result.getInt(1)
						+ ((application != null && !application.isEmpty()) ? " (" + application + ")" : "")
						+ ((result.getString(3) != null) ? " from " + result.getString(3) : "") + ", connected since "
						+ result.getTimestamp(4).toInstant() + ", " + result.getString(5);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not find the holder of {}", this, ex);
			return null;
		}
	}

	@Override
	public String toString() {
		return "PostgreSQL advisory lock " + this.key;
	}

}
