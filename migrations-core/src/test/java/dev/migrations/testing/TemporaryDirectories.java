package dev.migrations.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary directories a test creates outside JUnit's {@code @TempDir}, deleted with
 * everything in them when the test JVM ends, so that test runs leave nothing behind.
 */
final class TemporaryDirectories {

	private static final List<Path> created = new ArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TemporaryDirectories::deleteAll, "delete-test-directories"));
	}

	private TemporaryDirectories() {
	}

	/**
	 * Creates a directory that is deleted when the JVM ends.
	 * @param prefix the start of its name
	 * @return the directory
	 * @throws IOException when it cannot be created
	 */
	static Path create(String prefix) throws IOException {
		Path directory = Files.createTempDirectory(prefix);
		synchronized (created) {
			created.add(directory);
		}
		return directory;
	}

	private static void deleteAll() {
		synchronized (created) {
			created.forEach(TemporaryDirectories::delete);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// Best effort: a file still open elsewhere keeps its directory; the operating
			// system's cleanup takes it.
		}
	}

}
