package dev.migrations.sample.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in columns that hold UTC without a zone (PostgreSQL's {@code TIMESTAMP},
 * MySQL's {@code DATETIME}), bound and read as {@link LocalDateTime} so that the
 * session's time zone never shifts them.
 */
abstract class UtcDateTimeValues implements SqlValues {

	@Override
	public Object instant(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	@Override
	public Instant readInstant(ResultSet row, String column) throws SQLException {
		LocalDateTime value = row.getObject(column, LocalDateTime.class);
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

}
