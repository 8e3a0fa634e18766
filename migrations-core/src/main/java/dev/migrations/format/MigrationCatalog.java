package dev.migrations.format;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.migrations.MigrationFormat;

/**
 * Every migration found in the configured locations, by version. Immutable.
 *
 * @param format the format all locations share
 * @param locations the locations, for messages
 * @param migrations the migrations by version
 * @param masking the secret values substituted into the statements, masked wherever
 * statements are shown
 * @param syntax the lexical rules the files are split by, which follow the database a
 * command connects to
 */
public record MigrationCatalog(MigrationFormat format, List<String> locations, NavigableMap<Long, Migration> migrations,
		Masking masking, FileSyntax syntax) {

	public MigrationCatalog {
		locations = List.copyOf(locations);
		migrations = Collections.unmodifiableNavigableMap(new TreeMap<>(migrations));
		masking = (masking != null) ? masking : Masking.NONE;
		syntax = (syntax != null) ? syntax : new FileSyntax();
	}

	/**
	 * A catalog whose statements hold no secret values.
	 * @param format the format all locations share
	 * @param locations the locations, for messages
	 * @param migrations the migrations by version
	 */
	public MigrationCatalog(MigrationFormat format, List<String> locations, NavigableMap<Long, Migration> migrations) {
		this(format, locations, migrations, Masking.NONE, null);
	}

	/** The migration with a version, or {@code null}. */
	public Migration get(long version) {
		return this.migrations.get(version);
	}

	/** The migrations in version order. */
	public List<Migration> all() {
		return List.copyOf(this.migrations.values());
	}

	/** The highest version, or 0 when there are none. */
	public long latestVersion() {
		return this.migrations.isEmpty() ? 0 : this.migrations.lastKey();
	}

}
