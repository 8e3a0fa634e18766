package dev.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import dev.migrations.DatabaseAccessException;
import dev.migrations.LockTimeoutException;

/**
 * Locks a MySQL or MariaDB database for migration with a named lock ({@code GET_LOCK}),
 * the kind golang-migrate takes, under the name it takes. A named lock belongs to the
 * session and not to a transaction, so it stays held across the implicit commits of DDL,
 * and the server drops it when the session ends, so a killed runner never leaves it
 * behind. It is held on the migration's own connection.
 *
 * <p>
 * Waiting polls with {@code GET_LOCK(name, 0)} rather than blocking in the server, so
 * that a waiter stays cancellable and can name the holder when it gives up.
 */
public final class MySqlNamedLock implements DatabaseLock {

	private final Connection connection;

	private final String name;

	/**
	 * Creates the lock.
	 * @param connection the migration connection, which holds it
	 * @param name the lock's name, at most 64 characters
	 */
	public MySqlNamedLock(Connection connection, String name) {
		this.connection = connection;
		this.name = name;
	}

	@Override
	public Lease acquire(Duration timeout) {
		Backoff backoff = new Backoff(timeout);
		try {
			do {
				if (tryLock()) {
					return this::release;
				}
			}
			while (backoff.pause());
			throw new LockTimeoutException(toString(), backoff.elapsed(), holder());
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("taking " + this, ex);
		}
	}

	private boolean tryLock() throws SQLException {
		try (PreparedStatement lock = this.connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			lock.setString(1, this.name);
			try (ResultSet result = lock.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	private String holder() throws SQLException {
		try (PreparedStatement query = this.connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			query.setString(1, this.name);
			try (ResultSet result = query.executeQuery()) {
				long id = result.next() ? result.getLong(1) : 0;
				return (id != 0) ? "connection " + id : null;
			}
		}
	}

	/**
	 * Releases the lock; {@code RELEASE_LOCK} answers 1 only when this session held it,
	 * so anything else means it was lost (the session was replaced) and is reported.
	 */
	private void release() {
		try (PreparedStatement unlock = this.connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			unlock.setString(1, this.name);
			try (ResultSet result = unlock.executeQuery()) {
				if (!result.next() || result.getInt(1) != 1) {
					throw new DatabaseAccessException("releasing " + this,
							new SQLException("the session no longer held the lock"));
				}
			}
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("releasing " + this, ex);
		}
	}

	@Override
	public String toString() {
		return "named lock '" + this.name + "'";
	}

}
