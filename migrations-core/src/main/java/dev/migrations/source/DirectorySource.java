package dev.migrations.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
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
		String[] names = names();
		// Sorted as strings, once: a comparator over paths makes a string of each name at
		// every comparison, which cost more than listing the directory in a fresh JVM.
		Arrays.sort(names);
		List<MigrationResource> resources = new ArrayList<>(names.length);
		Path root = null;
		for (String name : names) {
			Path file = this.directory.resolve(name);
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

	/**
	 * The directory's entry names, in one call: {@link java.io.File#list()} makes no
	 * {@code Path} per entry.
	 */
	private String[] names() {
		String[] names = this.directory.toFile().list();
		if (names == null) {
			throw new MigrationSourceException(location(), List.of(), "Cannot list migrations location " + location()
					+ ": it could not be read (check its permissions).");
		}
		return names;
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
