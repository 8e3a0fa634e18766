package dev.migrations.dialect;

import java.sql.SQLException;

/**
 * What {@link Dialect#boundTableLockWaits} set on a connection, lifted once the
 * transaction it bounded has ended, whether it committed or not. Where the bound is the
 * transaction's own (PostgreSQL's {@code SET LOCAL}) there is nothing to lift; where it
 * is the session's (MySQL, SQLite), lifting gives the session its own value back.
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
