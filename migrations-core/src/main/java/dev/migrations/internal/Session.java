package dev.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.NavigableSet;

import dev.migrations.dialect.Dialect;
import dev.migrations.history.History;
import dev.migrations.history.HistoryState;

/**
 * One connection for one command, with what the command needs to know about it.
 *
 * @param connection the connection, in auto-commit mode
 * @param dialect its database's dialect
 * @param history the version and metadata tables
 * @param known the versions that have files
 */
record Session(Connection connection, Dialect dialect, History history, NavigableSet<Long> known) {

	HistoryState read() throws SQLException {
		return this.history.read(this.connection, this.known);
	}

}
