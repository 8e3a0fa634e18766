package dev.migrations.sample.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * SQLite's forms. Instants are stored as UTC text, {@code 2024-05-01 12:30:00.000}: the
 * form of SQLite's own {@code CURRENT_TIMESTAMP} and date functions, with fixed-width
 * milliseconds, so that comparing two values as text ({@code expires_at > ?},
 * {@code ORDER BY timestamp}) compares them as times. (Binding a
 * {@code java.sql.Timestamp} would store epoch milliseconds, an integer, which SQLite
 * sorts before every text value such as a {@code CURRENT_TIMESTAMP} default.) Reading
 * also accepts a {@code T}, more or fewer fraction digits, an offset, and integer epoch
 * milliseconds, which other writers of the same file may have used.
 */
final class SqliteValues implements SqlValues {

	private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

	private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.appendValue(ChronoField.HOUR_OF_DAY, 2)
		.appendLiteral(':')
		.appendValue(ChronoField.MINUTE_OF_HOUR, 2)
		.optionalStart()
		.appendLiteral(':')
		.appendValue(ChronoField.SECOND_OF_MINUTE, 2)
		.optionalEnd()
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.toFormatter();

	@Override
	public Object instant(Instant instant) {
		return (instant != null) ? WRITE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) : null;
	}

	@Override
	public Instant readInstant(ResultSet row, String column) throws SQLException {
		Object value = row.getObject(column);
		if (value == null) {
			return null;
		}
		if (value instanceof Number millis) {
			return Instant.ofEpochMilli(millis.longValue());
		}
		return parse(value.toString(), column);
	}

	static Instant parse(String text, String column) throws SQLException {
		try {
			TemporalAccessor parsed = READ.parse(text.strip());
			LocalDateTime local = LocalDateTime.from(parsed);
			return parsed.isSupported(ChronoField.OFFSET_SECONDS)
					? OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
						.toInstant()
					: local.toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new SQLException("Column " + column + " holds '" + text + "', which is not a time", ex);
		}
	}

	@Override
	public Object tokenId(String id) {
		return id;
	}

}
