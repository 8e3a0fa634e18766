package dev.migrations.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.Direction;

/**
 * What a file name says in one format: the version, the description and, for golang-migrate, the direction.
 *
 * @param name the file name
 * @param version the version
 * @param description the part after the version
 * @param direction {@code UP} or {@code DOWN} for golang-migrate, {@code null} for goose (both in one file)
 */
public record MigrationFileName(String name, long version, String description, Direction direction) {

	private static final Pattern GOOSE = Pattern.compile("^([0-9]+)_(.*)\\.sql$");

	private static final Pattern GOLANG_MIGRATE = Pattern.compile("^([0-9]+)_(.*)\\.(up|down)\\.([^/]+)$");

	/** Whether the name has golang-migrate's shape: {@code <version>_<title>.up|down.<ext>}. */
	static boolean isGolangMigrateName(String name) {
		return GOLANG_MIGRATE.matcher(name).matches();
	}

	/** Whether the name has goose's shape: {@code <version>_<name>.sql}. */
	static boolean isGooseName(String name) {
		return GOOSE.matcher(name).matches();
	}

	/**
	 * Reads a goose file name.
	 * @param name the name, which {@link #isGooseName} accepts
	 * @return the parts
	 * @throws IllegalArgumentException when the version is 0 or does not fit in 64 bits
	 */
	static MigrationFileName goose(String name) {
		Matcher matcher = GOOSE.matcher(name);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("does not match <version>_<name>.sql");
		}
		long version = parseVersion(matcher.group(1));
		if (version < 1) {
			throw new IllegalArgumentException("goose versions start at 1, and this file's is 0");
		}
		return new MigrationFileName(name, version, matcher.group(2), null);
	}

	/**
	 * Reads a golang-migrate file name.
	 * @param name the name, which {@link #isGolangMigrateName} accepts
	 * @return the parts
	 * @throws IllegalArgumentException when the version does not fit in 64 bits
	 */
	static MigrationFileName golangMigrate(String name) {
		Matcher matcher = GOLANG_MIGRATE.matcher(name);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("does not match <version>_<title>.up.<ext> or .down.<ext>");
		}
		Direction direction = "up".equals(matcher.group(3)) ? Direction.UP : Direction.DOWN;
		return new MigrationFileName(name, parseVersion(matcher.group(1)), matcher.group(2), direction);
	}

	private static long parseVersion(String digits) {
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("version " + digits + " does not fit in 64 bits (largest is "
					+ Long.MAX_VALUE + ")");
		}
	}

}
