package dev.migrations.lock;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a connection of its own for a lock that is held on one. */
@FunctionalInterface
public interface ConnectionSource {

	/**
	 * Opens a connection, which the caller closes.
	 * @return the connection
	 * @throws SQLException when the database cannot be reached
	 */
	Connection open() throws SQLException;

}
