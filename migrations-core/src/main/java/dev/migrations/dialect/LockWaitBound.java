package dev.migrations.dialect;

import java.sql.SQLException;

/**
 * What {@link Dialect#boundTableLockWaits} set on a connection, lifted once the
 * transactions it bounds have ended, whether they committed or not. Where the bound is
 * the transaction's own (PostgreSQL's {@code SET LOCAL}) there is nothing to lift; where
 * it is the session's (MySQL, SQLite), it may stay for the next transactions that want
 * the same bound, and lifting gives the session its own value back.
 */
@FunctionalInterface
public interface LockWaitBound {

	/** A bound that ended with its transaction. */
	LockWaitBound NONE = () -> {
	};

	/**
	 * Gives the session the value it had before the bound.
	 * @throws SQLException on a database error
	 */
	void lift() throws SQLException;

}
