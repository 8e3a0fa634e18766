package dev.migrations.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.DatabaseAccessException;
import dev.migrations.LockTimeoutException;

/**
 * PostgreSQL advisory locks on the Go tools' keys, held by a transaction of their own on
 * a connection of their own for as long as the runner migrates, and released by ending
 * that transaction.
 *
 * <p>
 * <b>Why a transaction on its own connection.</b> A session-level lock, as goose and
 * golang-migrate take it, is unsafe behind a transaction pooler (PgBouncer in
 * {@code pool_mode=transaction}, and cloud proxies): each transaction may get another
 * server connection, so the lock is taken on one, the migrations run on others, and the
 * unlock lands on a third, leaving the lock on a pooled backend for every later runner to
 * wait out. A transaction keeps its server connection in every pooling mode, and a lock
 * scoped to it ends with it, on commit, rollback or a lost connection alike. Session and
 * transaction advisory locks share one key space, so the Go tools' session locks and
 * these exclude each other. The migrations themselves cannot run in this transaction
 * (each has its own, or none), hence the second connection.
 *
 * <p>
 * <b>Keys in a fixed order.</b> Each Go tool has used more than one key (goose changed
 * its key in v3.26.0; golang-migrate's key depends on how it was opened). All are taken,
 * in ascending order, all or none per attempt: an attempt that gets some but not all
 * rolls back and tries again, so two runners can never hold one key each and wait for the
 * other's.
 *
 * <p>
 * <b>Polled, not awaited.</b> Each attempt is a short transaction of
 * {@code pg_try_advisory_xact_lock} calls, rolled back when it fails: a waiter blocked
 * inside a statement would hold a snapshot, and a {@code CREATE INDEX CONCURRENTLY} run
 * by the holder waits for every such snapshot, so the two would deadlock. The holder's
 * own transaction holds none while it waits (see {@code tryLock}).
 *
 * <p>
 * <b>A data source of one connection.</b> When the second connection turns out to be the
 * migration's own session (a single-connection data source), there is no second
 * transaction to hold: the keys are then taken as session locks on that one session, as
 * the Go tools take them, and each unlock is checked. A pool of one connection cannot
 * give a second one at all, and the error says so.
 *
 * <p>
 * <b>A runner that dies.</b> Its lock connection ends, and with it the lock. The backend
 * running its migration may still be busy with a statement, so while the lock is held the
 * server is asked to check the migration connection's client every second
 * ({@code client_connection_check_interval}, PostgreSQL 14 and later) and to end that
 * session as soon as the client is gone, which rolls the migration back.
 */
public final class PostgresAdvisoryLock implements DatabaseLock {

	private static final Logger logger = LoggerFactory.getLogger(PostgresAdvisoryLock.class);

	private static final String CHECK_INTERVAL = "client_connection_check_interval";

	private static final String CHECK_INTERVAL_WHILE_LOCKED = "1s";

	private final ConnectionSource connections;

	private final Connection migration;

	private final List<Long> keys;

	/** Whether this lock turned the check on, and so turns it off again on release. */
	private boolean checking;

	/**
	 * Creates the lock.
	 * @param connections where the connection holding the lock comes from
	 * @param migration the connection the migrations run on
	 * @param keys the advisory lock keys, all of which are taken
	 */
	public PostgresAdvisoryLock(ConnectionSource connections, Connection migration, List<Long> keys) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("no lock key");
		}
		this.connections = connections;
		this.migration = migration;
		this.keys = keys.stream().distinct().sorted().toList();
	}

	/** The keys, in the order they are taken. */
	public List<Long> keys() {
		return this.keys;
	}

	@Override
	public Lease acquire(Duration timeout) {
		Connection holding = open();
		try {
			if (sameSession(holding, this.migration)) {
				// Not closed: it is the migration's own connection.
				return acquireOnTheMigrationSession(timeout);
			}
		}
		catch (SQLException ex) {
			if (holding != this.migration) {
				close(holding);
			}
			throw new DatabaseAccessException("taking " + this, ex);
		}
		return acquireOnItsOwn(holding, timeout);
	}

	/** Takes the keys in a transaction on the lock's own connection. */
	private Lease acquireOnItsOwn(Connection holding, Duration timeout) {
		try {
			holding.setAutoCommit(false);
			Backoff backoff = new Backoff(timeout);
			do {
				if (tryLock(holding)) {
					logger.debug("Acquired {} after {} ms", this, backoff.elapsed().toMillis());
					watchForVanishedClient();
					return () -> release(holding);
				}
				holding.rollback();
			}
			while (backoff.pause());
			String holder = holder(holding);
			close(holding);
			throw new LockTimeoutException(toString(), backoff.elapsed(), holder);
		}
		catch (SQLException ex) {
			close(holding);
			throw new DatabaseAccessException("taking " + this, ex);
		}
		catch (RuntimeException ex) {
			close(holding);
			throw ex;
		}
	}

	private Connection open() {
		try {
			return this.connections.open();
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("opening a second connection, which holds " + this
					+ " while the first migrates (a pool of one connection cannot give it)", ex);
		}
	}

	/**
	 * Whether the data source gave the migration's own connection again, told by state
	 * the driver keeps on the client: the server's {@code pg_backend_pid()} cannot tell,
	 * since a transaction pooler lends two client connections the same server connection
	 * in turn. The migration connection is in autocommit mode here, with no transaction
	 * open.
	 */
	private static boolean sameSession(Connection holding, Connection migration) throws SQLException {
		if (holding == migration) {
			return true;
		}
		if (!migration.getAutoCommit()) {
			return false;
		}
		holding.setAutoCommit(false);
		boolean same = !migration.getAutoCommit();
		holding.setAutoCommit(true);
		return same;
	}

	/**
	 * Takes the keys as session locks on the migration session itself, for a data source
	 * that has only that one.
	 */
	private Lease acquireOnTheMigrationSession(Duration timeout) throws SQLException {
		Backoff backoff = new Backoff(timeout);
		do {
			if (tryLockSession()) {
				logger.debug("Acquired {} on the migration session after {} ms", this, backoff.elapsed().toMillis());
				watchForVanishedClient();
				return this::releaseSession;
			}
		}
		while (backoff.pause());
		throw new LockTimeoutException(toString(), backoff.elapsed(), holder(this.migration));
	}

	/**
	 * Takes every key in order as a session lock, giving back those taken if one is not.
	 */
	private boolean tryLockSession() throws SQLException {
		List<Long> taken = new ArrayList<>();
		for (long key : this.keys) {
			if (!call(this.migration, "pg_try_advisory_lock", key)) {
				for (long held : taken) {
					call(this.migration, "pg_advisory_unlock", held);
				}
				return false;
			}
			taken.add(key);
		}
		return true;
	}

	private void releaseSession() {
		try {
			for (long key : this.keys) {
				if (!call(this.migration, "pg_advisory_unlock", key)) {
					throw new DatabaseAccessException("releasing " + this,
							new SQLException("the server says this session did not hold key " + key));
				}
			}
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("releasing " + this, ex);
		}
		finally {
			restoreCheckInterval();
		}
	}

	private static boolean call(Connection connection, String function, long key) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT " + function + "(?)")) {
			query.setLong(1, key);
			try (ResultSet result = query.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	/**
	 * Takes every key in order in a new transaction; false at the first one not taken.
	 *
	 * <p>
	 * The transaction must hold no snapshot while it sits idle, or a
	 * {@code CREATE INDEX CONCURRENTLY} of the migration would wait for it forever. So it
	 * is read committed whatever the session's default, and its last statement is a
	 * {@code SET LOCAL}, which takes no snapshot and replaces the driver's unnamed portal
	 * of the last {@code SELECT}, whose snapshot would otherwise live until the
	 * transaction ends. That {@code SET LOCAL} lifts
	 * {@code idle_in_transaction_session_timeout}: the transaction sits idle for as long
	 * as the runner migrates, and a server that ended it would end the lock with it. Both
	 * settings are the transaction's own, so nothing is left on a pooled server
	 * connection.
	 */
	private boolean tryLock(Connection holding) throws SQLException {
		try (Statement statement = holding.createStatement()) {
			statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
		}
		for (long key : this.keys) {
			if (!call(holding, "pg_try_advisory_xact_lock", key)) {
				return false;
			}
		}
		try (Statement statement = holding.createStatement()) {
			statement.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
		}
		return true;
	}

	/**
	 * Makes the server end the migration session soon after its client disappears, when
	 * the server can and the session does not already check. Best effort: a server
	 * without the setting still has the lock, only without this safeguard.
	 */
	private void watchForVanishedClient() {
		try (Statement statement = this.migration.createStatement();
				ResultSet setting = statement
					.executeQuery("SELECT setting FROM pg_catalog.pg_settings WHERE name = '" + CHECK_INTERVAL + "'")) {
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
		try (PreparedStatement set = this.migration.prepareStatement("SELECT set_config(?, ?, false)")) {
			set.setString(1, CHECK_INTERVAL);
			set.setString(2, value);
			set.executeQuery().close();
		}
	}

	/**
	 * Ends the lock's transaction. A failure is reported, never ignored: the caller warns
	 * (the work is done), although the lock ended with the connection in any case.
	 */
	private void release(Connection holding) {
		try {
			holding.commit();
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("releasing " + this, ex);
		}
		finally {
			close(holding);
			restoreCheckInterval();
		}
	}

	private void restoreCheckInterval() {
		if (this.checking) {
			this.checking = false;
			try {
				setCheckInterval("0");
			}
			catch (SQLException ex) {
				throw new DatabaseAccessException("restoring " + CHECK_INTERVAL + " after releasing " + this, ex);
			}
		}
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the lock connection", ex);
		}
	}

	/**
	 * Who holds one of the keys, from pg_locks and pg_stat_activity, or {@code null} when
	 * that cannot be read.
	 */
	String holder(Connection connection) {
		String pairs = this.keys.stream()
			.map((key) -> "(" + (key >>> 32) + ", " + (key & 0xFFFFFFFFL) + ")")
			.collect(Collectors.joining(", "));
		String sql = "SELECT a.pid, a.application_name, a.client_addr, a.backend_start, a.state"
				+ " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
				+ " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.pid <> pg_backend_pid()"
				+ " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"
				+ " AND (l.classid::bigint, l.objid::bigint) IN (" + pairs + ") ORDER BY a.backend_start LIMIT 1";
		try (Statement query = connection.createStatement(); ResultSet result = query.executeQuery(sql)) {
			if (!result.next()) {
				return null;
			}
			String application = result.getString(2);
			return "PostgreSQL backend pid " + result.getInt(1)
					+ ((application != null && !application.isEmpty()) ? " (" + application + ")" : "")
					+ ((result.getString(3) != null) ? " from " + result.getString(3) : "") + ", connected since "
					+ result.getTimestamp(4).toInstant() + ", " + result.getString(5);
		}
		catch (SQLException ex) {
			logger.debug("Could not find the holder of {}", this, ex);
			return null;
		}
	}

	@Override
	public String toString() {
		return "PostgreSQL advisory lock" + ((this.keys.size() > 1) ? "s " : " ")
				+ this.keys.stream().map(String::valueOf).collect(Collectors.joining(" and "));
	}

}
