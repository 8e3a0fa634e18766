package dev.migrations.format;

import java.time.Duration;
import java.util.List;

import dev.migrations.MigrationParseException;
import dev.migrations.parser.ParsedSection;

/**
 * One direction of a migration: the file it comes from and its parsed statements.
 *
 * @param name the file name, or {@code null} when the direction has no file (a
 * golang-migrate version without a down file), which makes it a no-op
 * @param location the file's location, or {@code null} with {@code name}
 * @param section the statements, or the error that stopped parsing them
 * @param tableLockTimeout the file's own table lock timeout
 * ({@code -- migrations:table-lock-timeout <ms>}): {@code null} for the run's,
 * {@link Duration#ZERO} for none
 */
public record MigrationScript(String name, String location, ParsedSection section, Duration tableLockTimeout) {

	/** The file's marker line, followed by milliseconds (0: no bound for this file). */
	static final String TABLE_LOCK_TIMEOUT = "-- migrations:table-lock-timeout";

	/**
	 * A direction that takes the run's table lock timeout.
	 * @param name the file name
	 * @param location the file's location
	 * @param section the statements, or the error that stopped parsing them
	 */
	public MigrationScript(String name, String location, ParsedSection section) {
		this(name, location, section, null);
	}

	/**
	 * A script of a file's text: its marker line, if any, sets its table lock timeout; a
	 * value that is not a number of milliseconds fails the section, naming the line.
	 */
	static MigrationScript of(String name, String location, ParsedSection section, String text) {
		if (!text.contains("migrations:table-lock-timeout")) {
			return new MigrationScript(name, location, section);
		}
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.regionMatches(true, 0, TABLE_LOCK_TIMEOUT, 0, TABLE_LOCK_TIMEOUT.length())) {
				String value = line.substring(TABLE_LOCK_TIMEOUT.length()).strip();
				if (!value.matches("[0-9]{1,9}")) {
					return new MigrationScript(name, location,
							new ParsedSection(List.of(),
									new MigrationParseException(location, i + 1, "'" + TABLE_LOCK_TIMEOUT
											+ "' takes a number of milliseconds (0: no bound for this file), not '"
											+ value + "'")));
				}
				return new MigrationScript(name, location, section, Duration.ofMillis(Long.parseLong(value)));
			}
		}
		return new MigrationScript(name, location, section);
	}

	private static final MigrationScript ABSENT = new MigrationScript(null, null, ParsedSection.EMPTY);

	/** A direction without a file: it runs nothing and only moves the version. */
	public static MigrationScript absent() {
		return ABSENT;
	}

	/** Whether a file backs this direction. */
	public boolean isPresent() {
		return this.name != null;
	}

}
