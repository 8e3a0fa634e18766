package dev.migrations.sample.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * MySQL's and MariaDB's forms: the proxy's {@code DATETIME} columns hold UTC, bound and
 * read as {@link LocalDateTime} so that no session time zone shifts them; token ids are
 * {@code CHAR(36)} text.
 */
final class MySqlValues implements SqlValues {

	@Override
	public Object instant(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	@Override
	public Instant readInstant(ResultSet row, String column) throws SQLException {
		LocalDateTime value = row.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	@Override
	public Object tokenId(String id) {
		return id;
	}

}
