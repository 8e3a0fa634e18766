package dev.migrations.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationSourceException;

/**
 * Migration files in one directory on disk. A symbolic link that resolves outside the directory is refused, so
 * that a migrations directory cannot be made to run a file from elsewhere.
 */
final class DirectorySource implements MigrationSource {

	private static final Logger logger = LoggerFactory.getLogger(DirectorySource.class);

	private final Path directory;

	DirectorySource(Path directory) {
		this.directory = directory;
	}

	@Override
	public String location() {
		return MigrationSources.FILESYSTEM_PREFIX + this.directory;
	}

	@Override
	public List<MigrationResource> resources() {
		if (!Files.isDirectory(this.directory)) {
			String problem = Files.exists(this.directory) ? "is not a directory" : "does not exist";
			throw new MigrationSourceException(location(), List.of(),
					"Migrations location " + location() + " " + problem + ".");
		}
		try (Stream<Path> entries = Files.list(this.directory)) {
			Path root = this.directory.toRealPath();
			return entries.filter(this::isReadableFile)
				.sorted()
				.map((file) -> DirectoryFiles.resource(root, file, file.toString(), location()))
				.toList();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new MigrationSourceException(location(), List.of(),
					"Cannot list migrations location " + location() + ": " + ex.getMessage());
		}
	}

	private boolean isReadableFile(Path file) {
		if (Files.isRegularFile(file)) {
			return true;
		}
		if (Files.isSymbolicLink(file) && !Files.exists(file)) {
			logger.warn("Ignoring {}: it is a symbolic link to a file that does not exist", file);
		}
		return false;
	}

	@Override
	public String toString() {
		return location();
	}

}
