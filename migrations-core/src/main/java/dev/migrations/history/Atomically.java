package dev.migrations.history;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs several writes as one: inside the caller's transaction when there is one, in a
 * transaction of their own otherwise, so that a crash between a DELETE and its INSERT
 * never leaves a version table empty.
 */
final class Atomically {

	private Atomically() {
	}

	static void run(Connection connection, Work work) throws SQLException {
		if (!connection.getAutoCommit()) {
			work.run();
			return;
		}
		connection.setAutoCommit(false);
		try {
			work.run();
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.rollback();
			}
			catch (SQLException rollbackFailure) {
				ex.addSuppressed(rollbackFailure);
			}
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	@FunctionalInterface
	interface Work {

		void run() throws SQLException;

	}

}
