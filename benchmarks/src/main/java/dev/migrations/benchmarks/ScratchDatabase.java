package dev.migrations.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A database of one run's own, removed on {@link #close()}. */
public interface ScratchDatabase extends AutoCloseable {

	/** Which kind of database it is. */
	DatabaseKind kind();

	/** Its JDBC URL; may carry a password, so never print it. */
	String url();

	/** A name safe to print. */
	String name();

	/** Opens a connection of the parent's own, for checks. */
	default Connection connect() throws SQLException {
		return DriverManager.getConnection(url());
	}

	/** Removes the database. */
	@Override
	void close();

}
