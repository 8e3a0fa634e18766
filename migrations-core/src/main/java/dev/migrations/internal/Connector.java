package dev.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.DatabaseAccessException;
import dev.migrations.MigrationFormat;
import dev.migrations.Redaction;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.history.GolangMigrateVersionTable;
import dev.migrations.history.GooseVersionTable;
import dev.migrations.history.History;
import dev.migrations.history.MetadataTable;
import dev.migrations.history.VersionTable;
import dev.migrations.lock.DatabaseLock;

/**
 * Opens a {@link Session} per command, connecting again as configured while the database
 * cannot be reached, and locks out other runners around work that writes. Restores the
 * connection's auto-commit setting and closes it afterwards, whatever happens.
 */
final class Connector {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrations");

	private final Settings settings;

	private final Redaction redaction;

	Connector(Settings settings) {
		this.settings = settings;
		this.redaction = Redaction.forDataSource(settings.dataSource());
	}

	<T> T withSession(String action, Work<T> work) {
		Connection connection = connect();
		try (connection) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try {
				Dialect dialect = Dialects.detect(connection);
				// From here on the files are split the way this database reads them.
				this.settings.catalog().syntax().use(dialect.lexicalRules());
				History history = new History(dialect, versionTable(dialect, connection),
						new MetadataTable(dialect, this.settings.metadataTable()));
				return work.run(new Session(connection, dialect, history,
						this.settings.catalog().migrations().navigableKeySet()));
			}
			finally {
				restoreAutoCommit(connection, autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException(action, this.redaction.apply(ex));
		}
	}

	/** Connects, trying again as configured while the database cannot be reached. */
	private Connection connect() {
		Settings.ConnectRetries retries = this.settings.connectRetries();
		Duration wait = min(Duration.ofSeconds(1), retries.maxInterval());
		for (int attempt = 1;; attempt++) {
			try {
				return getConnection();
			}
			catch (SQLException ex) {
				DatabaseAccessException failure = new DatabaseAccessException("connecting to the database",
						this.redaction.apply(ex));
				if (attempt > retries.retries()) {
					throw failure;
				}
				logger.warn("Could not connect to the database (attempt {} of {}): {}; trying again in {} ms", attempt,
						retries.retries() + 1, failure.databaseMessage(), wait.toMillis());
				sleep(wait, failure);
				wait = min(wait.multipliedBy(2), retries.maxInterval());
			}
		}
	}

	/**
	 * A connection from the DataSource. A pool that fails to start (HikariCP's) throws
	 * its own unchecked exception around the driver's, which is the failure to report; or
	 * none around it, when it refused the URL itself ("claims to not accept jdbcUrl"),
	 * which is then the failure to connect.
	 */
	private Connection getConnection() throws SQLException {
		try {
			return this.settings.dataSource().getConnection();
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof SQLException driverFailure) {
					throw driverFailure;
				}
			}
			SQLException refused = new SQLException(ex.getMessage(), "08001");
			refused.setStackTrace(ex.getStackTrace());
			throw refused;
		}
	}

	/**
	 * A second connection, for a lock held on one of its own; its failures carry no
	 * credentials either.
	 */
	private Connection lockConnection() throws SQLException {
		try {
			return getConnection();
		}
		catch (SQLException ex) {
			throw this.redaction.apply(ex);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static void sleep(Duration wait, DatabaseAccessException failure) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure;
		}
	}

	/** Runs work while holding the migration lock. */
	<T> T locked(Session session, Work<T> work) throws SQLException {
		DatabaseLock lock = session.dialect()
			.lock(session.connection(), this::lockConnection, this.settings.table(), this.settings.catalog().format());
		DatabaseLock.Lease lease = lock.acquire(this.settings.lockTimeout());
		T result;
		try {
			result = work.run(session);
		}
		catch (SQLException | RuntimeException ex) {
			try {
				lease.close();
			}
			catch (RuntimeException releaseFailure) {
				ex.addSuppressed(releaseFailure);
			}
			throw ex;
		}
		try {
			lease.close();
		}
		catch (RuntimeException ex) {
			// The work is done and committed; the lock ends with its connection anyway.
			logger.warn("Could not release the {}: {}", lock, ex.getMessage());
		}
		return result;
	}

	private VersionTable versionTable(Dialect dialect, Connection connection) throws SQLException {
		return (this.settings.catalog().format() == MigrationFormat.GOLANG_MIGRATE)
				? new GolangMigrateVersionTable(dialect, this.settings.table())
				: new GooseVersionTable(dialect, this.settings.table(), dialect.gooseTimestamps(connection));
	}

	private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
		try {
			if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not restore auto-commit", ex);
		}
	}

	@FunctionalInterface
	interface Work<T> {

		T run(Session session) throws SQLException;

	}

}
