package dev.migrations.source;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.migrations.MigrationSourceException;
import dev.migrations.dialect.Dialects;

/** Creates {@link MigrationSource}s. */
public final class MigrationSources {

	/** Prefix of a location on the classpath. */
	public static final String CLASSPATH_PREFIX = "classpath:";

	/** Prefix of a location on the file system. */
	public static final String FILESYSTEM_PREFIX = "filesystem:";

	private MigrationSources() {
	}

	/**
	 * A directory on disk.
	 * @param directory the directory
	 * @return the source
	 */
	public static MigrationSource directory(Path directory) {
		return new DirectorySource(directory);
	}

	/**
	 * A location on the classpath, found in directories, jars and Spring Boot executable
	 * jars alike. All classpath roots that hold the location contribute.
	 * @param path the location, such as {@code db/migrations}
	 * @param classLoader the class loader to search
	 * @return the source
	 */
	public static MigrationSource classpath(String path, ClassLoader classLoader) {
		return new ClasspathSource(path, classLoader);
	}

	/**
	 * A fixed list of resources, for files found by other means (Spring's resource
	 * resolver, for one).
	 * @param location the location, for messages
	 * @param resources the files
	 * @return the source
	 */
	public static MigrationSource of(String location, List<MigrationResource> resources) {
		List<MigrationResource> copy = List.copyOf(resources);
		return new MigrationSource() {

			@Override
			public String location() {
				return location;
			}

			@Override
			public List<MigrationResource> resources() {
				return copy;
			}

			@Override
			public String toString() {
				return location;
			}

		};
	}

	/**
	 * A file on disk that was found by other means (Spring's resource resolver lists
	 * classpath directories itself), under the rule the engine's own sources follow: a
	 * symbolic link must lead to a file in the same directory.
	 * @param file the file
	 * @param location where the file is, as shown in messages
	 * @param sourceLocation the location the file was found in, as shown in messages
	 * @return the resource
	 * @throws MigrationSourceException when the file is a symbolic link that leads out of
	 * its directory, or its directory cannot be resolved
	 */
	public static MigrationResource file(Path file, String location, String sourceLocation) {
		Path directory = file.toAbsolutePath().getParent();
		try {
			return DirectoryFiles.resource(directory.toRealPath(), directory.resolve(file.getFileName()), location,
					sourceLocation);
		}
		catch (IOException ex) {
			throw new MigrationSourceException(sourceLocation, List.of(file.toString()),
					"Cannot resolve the directory of " + file + " in " + sourceLocation + ": " + ex.getMessage());
		}
	}

	/**
	 * A location string: {@code classpath:path}, {@code filesystem:path}, or a plain path
	 * on disk.
	 * @param location the location
	 * @param classLoader the class loader for classpath locations
	 * @return the source
	 */
	public static MigrationSource location(String location, ClassLoader classLoader) {
		if (location.startsWith(CLASSPATH_PREFIX)) {
			return classpath(location.substring(CLASSPATH_PREFIX.length()), classLoader);
		}
		if (location.startsWith(FILESYSTEM_PREFIX)) {
			return directory(Path.of(location.substring(FILESYSTEM_PREFIX.length())));
		}
		return directory(Path.of(location));
	}

	/**
	 * The vendor a {@code {vendor}} placeholder in a location stands for, read from a
	 * connection: {@code postgresql} or {@code sqlite}.
	 * @param connection a connection to the database the migrations are for
	 * @return the vendor
	 * @throws SQLException when the database cannot tell its product name
	 * @throws dev.migrations.MigrationConfigurationException for a database the engine
	 * does not support
	 */
	public static String vendor(Connection connection) throws SQLException {
		return Dialects.detect(connection).vendor();
	}

}
