package dev.migrations.source;

import java.util.List;

/**
 * Where migration files come from: a directory, a classpath location (in a directory, a
 * jar or a Spring Boot executable jar), or a list of named resources.
 * {@link MigrationSources} creates them.
 */
public interface MigrationSource {

	/**
	 * The location as shown in messages: {@code filesystem:db/migrations},
	 * {@code classpath:db/migrations}.
	 */
	String location();

	/**
	 * Lists the files directly in the location (not in subdirectories). Files that are
	 * not migrations are included; the format decides.
	 * @return the files
	 * @throws dev.migrations.MigrationSourceException if the location does not exist or
	 * cannot be read
	 */
	List<MigrationResource> resources();

}
