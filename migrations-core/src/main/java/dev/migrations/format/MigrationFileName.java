package dev.migrations.format;

import dev.migrations.Direction;

/**
 * What a file name says in one format: the version, the description and, for
 * golang-migrate, the direction. Each format reads its own names: {@link GooseFiles},
 * {@link GolangMigrateFiles}.
 *
 * @param name the file name
 * @param version the version
 * @param description the part after the version
 * @param direction {@code UP} or {@code DOWN} for golang-migrate, {@code null} for goose
 * (both in one file)
 */
public record MigrationFileName(String name, long version, String description, Direction direction) {

	/**
	 * Reads a version's digits.
	 * @param digits the digits
	 * @return the version
	 * @throws IllegalArgumentException when the version does not fit in 64 bits
	 */
	static long parseVersion(String digits) {
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"version " + digits + " does not fit in 64 bits (largest is " + Long.MAX_VALUE + ")");
		}
	}

}
