package dev.migrations.format;

import dev.migrations.parser.ParsedSection;

/**
 * One direction of a migration: the file it comes from and its parsed statements.
 *
 * @param name the file name, or {@code null} when the direction has no file (a
 * golang-migrate version without a down file), which makes it a no-op
 * @param location the file's location, or {@code null} with {@code name}
 * @param section the statements, or the error that stopped parsing them
 */
public record MigrationScript(String name, String location, ParsedSection section) {

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
