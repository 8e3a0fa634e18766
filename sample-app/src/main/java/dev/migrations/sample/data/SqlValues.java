package dev.migrations.sample.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The values whose SQL form differs between the databases the proxy runs on: instants
 * (SQLite has no timestamp type) and token ids (a {@code UUID} column on PostgreSQL, text
 * on SQLite and MySQL). Repositories bind and read these through it, and everything else
 * as plain JDBC values.
 */
public interface SqlValues {

	/**
	 * The value to bind for an instant.
	 * @param instant the instant, or {@code null}
	 * @return the value to bind, or {@code null}
	 */
	Object instant(Instant instant);

	/**
	 * Reads an instant written by {@link #instant(Instant)} (or by the database's own
	 * {@code CURRENT_TIMESTAMP}).
	 * @param row the row
	 * @param column the column
	 * @return the instant, or {@code null} for SQL {@code NULL}
	 * @throws SQLException if the column cannot be read
	 */
	Instant readInstant(ResultSet row, String column) throws SQLException;

	/**
	 * The value to bind for a token id.
	 * @param id the id, a UUID in its text form
	 * @return the value to bind
	 */
	Object tokenId(String id);

}
