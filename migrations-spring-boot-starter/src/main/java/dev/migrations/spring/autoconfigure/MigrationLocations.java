package dev.migrations.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import dev.migrations.DatabaseAccessException;
import dev.migrations.Redaction;
import dev.migrations.source.MigrationResource;
import dev.migrations.source.MigrationSource;
import dev.migrations.source.MigrationSources;

/**
 * Turns {@code migrations.locations} into sources: {@code {vendor}} becomes the
 * database's name ({@code postgresql}, {@code sqlite}); {@code classpath:} locations are
 * listed by Spring's resource resolver (so they work in directories, jars and executable
 * jars alike) and handed to the engine as named resources, files in a directory under the
 * engine's rule that a symbolic link must not lead out of it; other locations are
 * directories.
 */
final class MigrationLocations {

	private static final String VENDOR = "{vendor}";

	private final ResourcePatternResolver resolver;

	MigrationLocations(ResourcePatternResolver resolver) {
		this.resolver = resolver;
	}

	List<MigrationSource> resolve(List<String> locations, DataSource dataSource) {
		String vendor = locations.stream().anyMatch((location) -> location.contains(VENDOR)) ? vendor(dataSource)
				: null;
		List<MigrationSource> sources = new ArrayList<>();
		for (String location : locations) {
			String resolved = (vendor != null) ? location.replace(VENDOR, vendor) : location;
			sources.add(resolved.startsWith(MigrationSources.CLASSPATH_PREFIX) ? classpath(resolved)
					: MigrationSources.location(resolved, this.resolver.getClassLoader()));
		}
		return sources;
	}

	private MigrationSource classpath(String location) {
		String path = location.substring(MigrationSources.CLASSPATH_PREFIX.length()).replaceAll("^/+|/+$", "");
		Resource[] resources;
		try {
			resources = this.resolver.getResources("classpath*:" + path + "/*");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + location, ex);
		}
		List<MigrationResource> files = new ArrayList<>();
		Arrays.stream(resources).filter(Resource::isReadable).forEach((resource) -> {
			String name = resource.getFilename();
			if (name != null && !name.isEmpty()) {
				files.add(resource(resource, name, MigrationSources.CLASSPATH_PREFIX + path));
			}
		});
		if (files.isEmpty()) {
			// Let the engine say, in its words, that the location holds nothing.
			return MigrationSources.classpath(path, this.resolver.getClassLoader());
		}
		return MigrationSources.of(location, files);
	}

	/**
	 * A file in a directory is read as the engine reads one: a symbolic link must not
	 * lead out of the directory.
	 */
	private static MigrationResource resource(Resource resource, String name, String location) {
		String fileLocation = location + "/" + name;
		if (resource.isFile()) {
			try {
				return MigrationSources.file(resource.getFile().toPath(), fileLocation, location);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + fileLocation, ex);
			}
		}
		return MigrationResource.of(name, fileLocation, resource::getContentAsByteArray);
	}

	/**
	 * The vendor of the database, from a connection. A pool that refuses its URL
	 * (HikariCP: "claims to not accept jdbcUrl") throws an unchecked exception whose
	 * message masks the password only up to a {@code ;}; the failure reported has every
	 * credential the DataSource holds hidden.
	 */
	private static String vendor(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return MigrationSources.vendor(connection);
		}
		catch (SQLException ex) {
			throw unreachable(dataSource, ex);
		}
		catch (RuntimeException ex) {
			SQLException refused = new SQLException(ex.getMessage(), "08001");
			refused.setStackTrace(ex.getStackTrace());
			throw unreachable(dataSource, refused);
		}
	}

	private static DatabaseAccessException unreachable(DataSource dataSource, SQLException ex) {
		return new DatabaseAccessException("connecting to the database to resolve {vendor} in migrations.locations",
				Redaction.forDataSource(dataSource).apply(ex));
	}

}
