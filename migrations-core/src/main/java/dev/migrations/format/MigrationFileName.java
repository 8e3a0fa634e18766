package dev.migrations.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.Direction;

/**
 * What a file name says in one format: the version, the description and, for
 * golang-migrate, the direction.
 *
 * @param name the file name
 * @param version the version
 * @param description the part after the version
 * @param direction {@code UP} or {@code DOWN} for golang-migrate, {@code null} for goose
 * (both in one file)
 */
public record MigrationFileName(String name, long version, String description, Direction direction) {

	private static final String GOOSE_SUFFIX = ".sql";

	private static final Pattern GOLANG_MIGRATE = Pattern.compile("^([0-9]+)_(.*)\\.(up|down)\\.([^/]+)$");

	/**
	 * Whether the name has golang-migrate's shape:
	 * {@code <version>_<title>.up|down.<ext>}.
	 */
	static boolean isGolangMigrateName(String name) {
		// Most names in a goose location have neither part; they skip the expression.
		return (name.contains(".up.") || name.contains(".down.")) && GOLANG_MIGRATE.matcher(name).matches();
	}

	/**
	 * Whether the name has goose's shape: {@code <version>_<name>.sql}, that is digits,
	 * an underscore, any name on one line, and {@code .sql}. Read by hand rather than by
	 * an expression: a start with nothing to do checks every name, and in a fresh JVM the
	 * expression cost more than listing the directory.
	 */
	static boolean isGooseName(String name) {
		int underscore = versionLength(name);
		return underscore > 0 && name.endsWith(GOOSE_SUFFIX) && name.length() - GOOSE_SUFFIX.length() > underscore
				&& isOneLine(name);
	}

	/**
	 * Reads a goose file name.
	 * @param name the name, which {@link #isGooseName} accepts
	 * @return the parts
	 * @throws IllegalArgumentException when the version is 0 or does not fit in 64 bits
	 */
	static MigrationFileName goose(String name) {
		if (!isGooseName(name)) {
			throw new IllegalArgumentException("does not match <version>_<name>.sql");
		}
		int underscore = versionLength(name);
		long version = parseVersion(name.substring(0, underscore));
		if (version < 1) {
			throw new IllegalArgumentException("goose versions start at 1, and this file's is 0");
		}
		return new MigrationFileName(name, version,
				name.substring(underscore + 1, name.length() - GOOSE_SUFFIX.length()), null);
	}

	/** The length of the leading digits when an underscore follows them, else 0. */
	private static int versionLength(String name) {
		int digits = 0;
		while (digits < name.length() && name.charAt(digits) >= '0' && name.charAt(digits) <= '9') {
			digits++;
		}
		return (digits > 0 && digits < name.length() && name.charAt(digits) == '_') ? digits : 0;
	}

	/**
	 * Whether the name holds no line terminator, which the golang-migrate expression's
	 * {@code .} excludes too.
	 */
	private static boolean isOneLine(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return false;
			}
		}
		return true;
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
			throw new IllegalArgumentException(
					"version " + digits + " does not fit in 64 bits (largest is " + Long.MAX_VALUE + ")");
		}
	}

}
