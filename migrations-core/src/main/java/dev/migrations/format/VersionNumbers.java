package dev.migrations.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import dev.migrations.MigrationFormat;

/**
 * The two kinds of version the Go tools write: sequential numbers, zero-padded in file
 * names, and UTC timestamps ({@code yyyyMMddHHmmss}). goose tells them apart by whether
 * the number reads as a date and time after 1970.
 */
public final class VersionNumbers {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

	private VersionNumbers() {
	}

	/**
	 * Whether a version is a timestamp: 14 digits forming a valid date and time after
	 * 1970-01-01.
	 */
	public static boolean isTimestamp(long version) {
		String digits = Long.toString(version);
		if (digits.length() != 14) {
			return false;
		}
		try {
			return LocalDateTime.parse(digits, TIMESTAMP).isAfter(EPOCH);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** The timestamp version of an instant, in UTC. */
	public static long timestamp(Instant instant) {
		return Long.parseLong(TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
	}

	/**
	 * A version as it starts a file name: zero-padded to 5 digits for goose and 6 for
	 * golang-migrate, as the Go tools write sequential versions. Timestamps are longer
	 * than the padding and come out unchanged.
	 */
	public static String text(long version, MigrationFormat format) {
		int width = (format == MigrationFormat.GOLANG_MIGRATE) ? 6 : 5;
		return String.format("%0" + width + "d", version);
	}

}
