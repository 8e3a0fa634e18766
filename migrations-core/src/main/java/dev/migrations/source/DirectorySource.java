package dev.migrations.source;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationSourceException;

/**
 * Migration files in one directory on disk. A symbolic link that resolves outside the
 * directory is refused, so that a migrations directory cannot be made to run a file from
 * elsewhere.
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
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory)) {
			entries.forEach(files::add);
		}
		catch (IOException | DirectoryIteratorException ex) {
			throw new MigrationSourceException(location(), List.of(),
					"Cannot list migrations location " + location() + ": " + ex.getMessage());
		}
		files.sort(Comparator.comparing((file) -> file.getFileName().toString()));
		List<MigrationResource> resources = new ArrayList<>(files.size());
		Path root = null;
		for (Path file : files) {
			// One lstat per entry: plain files, the common case, need nothing more.
			BasicFileAttributes attributes = attributes(file);
			if (attributes == null || attributes.isDirectory() || attributes.isOther()) {
				continue;
			}
			if (attributes.isRegularFile()) {
				resources.add(DirectoryFiles.regular(file, file.toString()));
			}
			else if (isLinkToFile(file)) {
				root = (root != null) ? root : realDirectory();
				resources.add(DirectoryFiles.resource(root, file, file.toString(), location()));
			}
		}
		return resources;
	}

	private static BasicFileAttributes attributes(Path file) {
		try {
			return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			// Gone since it was listed.
			return null;
		}
	}

	private Path realDirectory() {
		try {
			return this.directory.toRealPath();
		}
		catch (IOException ex) {
			throw new MigrationSourceException(location(), List.of(),
					"Cannot list migrations location " + location() + ": " + ex.getMessage());
		}
	}

	private static boolean isLinkToFile(Path link) {
		if (Files.isRegularFile(link)) {
			return true;
		}
		if (!Files.exists(link)) {
			logger.warn("Ignoring {}: it is a symbolic link to a file that does not exist", link);
		}
		return false;
	}

	@Override
	public String toString() {
		return location();
	}

}
