package dev.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.DatabaseAccessException;
import dev.migrations.MigrationFormat;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.history.GolangMigrateVersionTable;
import dev.migrations.history.GooseVersionTable;
import dev.migrations.history.History;
import dev.migrations.history.MetadataTable;
import dev.migrations.history.VersionTable;
import dev.migrations.lock.DatabaseLock;

/**
 * Opens a {@link Session} per command and locks out other runners around work that writes. Restores the
 * connection's auto-commit setting and closes it afterwards, whatever happens.
 */
final class Connector {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrations");

	private final Settings settings;

	Connector(Settings settings) {
		this.settings = settings;
	}

	<T> T withSession(String action, Work<T> work) {
		Connection connection;
		try {
			connection = this.settings.dataSource().getConnection();
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("connecting to the database", ex);
		}
		try (connection) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try {
				Dialect dialect = Dialects.detect(connection);
				History history = new History(dialect, versionTable(dialect),
						new MetadataTable(dialect, this.settings.metadataTable()));
				return work.run(new Session(connection, dialect, history,
						this.settings.catalog().migrations().navigableKeySet()));
			}
			finally {
				restoreAutoCommit(connection, autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException(action, ex);
		}
	}

	/** Runs work while holding the migration lock. */
	<T> T locked(Session session, Work<T> work) throws SQLException {
		DatabaseLock lock = session.dialect().lock(session.connection(), this.settings.table(),
				this.settings.catalog().format());
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
			// The work is done and committed; a session-bound lock dies with the connection anyway.
			logger.warn("Could not release the {}: {}", lock, ex.getMessage());
		}
		return result;
	}

	private VersionTable versionTable(Dialect dialect) {
		return (this.settings.catalog().format() == MigrationFormat.GOLANG_MIGRATE)
				? new GolangMigrateVersionTable(dialect, this.settings.table())
				: new GooseVersionTable(dialect, this.settings.table());
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
