package dev.migrations.sample.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * PostgreSQL's forms: the proxy's {@code TIMESTAMP} columns hold UTC without a zone,
 * bound and read as {@link LocalDateTime} so that the session's time zone never shifts
 * them; token ids are {@code UUID}s.
 */
final class PostgresValues implements SqlValues {

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
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			// Not a UUID, so no token has it; a UUID no row has keeps the query's answer
			// (none) without an error.
			return new UUID(0, 0);
		}
	}

}
