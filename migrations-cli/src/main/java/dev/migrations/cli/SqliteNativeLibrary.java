package dev.migrations.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.sqlite.util.OSInfo;

/**
 * Keeps one copy of sqlite-jdbc's native library per user, so that a {@code migrate}
 * process (the standalone jar, or an application's {@code migrate} entry) loads it
 * instead of extracting it again. Left alone, sqlite-jdbc hashes the library inside the
 * jar, writes it to a new temporary file and asks the system which C library it has, in
 * every process: about a third of what {@code migrate status} on a small SQLite database
 * costs in CPU. The copy lives under {@code $XDG_CACHE_HOME/migrate} (else
 * {@code ~/.cache/migrate}), in a directory named after the driver's version, the
 * operating system and the architecture; it is written to a temporary file first and
 * moved into place, so that a half-written copy is never found. Whatever goes wrong,
 * sqlite-jdbc is left to do it its own way; and a library path someone set stays theirs.
 */
final class SqliteNativeLibrary {

	private static final String PATH_PROPERTY = "org.sqlite.lib.path";

	private static final String NAME_PROPERTY = "org.sqlite.lib.name";

	private SqliteNativeLibrary() {
	}

	/**
	 * Points sqlite-jdbc at the cached copy, writing it first when missing.
	 * @param environment the process environment
	 */
	static void useCachedCopy(Map<String, String> environment) {
		if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
			return;
		}
		try {
			Path root = cacheRoot(environment);
			String version = driverVersion();
			if (root == null || version == null) {
				return;
			}
			String name = System.mapLibraryName("sqlitejdbc").replace(".jnilib", ".dylib");
			Path directory = root.resolve("sqlite-jdbc-" + version + "-" + folder(System.getProperty("os.name")) + "-"
					+ folder(System.getProperty("os.arch")));
			Path library = directory.resolve(name);
			if (!Files.isRegularFile(library) && !write(directory, library, name)) {
				return;
			}
			System.setProperty(PATH_PROPERTY, directory.toString());
			System.setProperty(NAME_PROPERTY, name);
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			// sqlite-jdbc extracts its library as it always does.
		}
	}

	private static Path cacheRoot(Map<String, String> environment) {
		String cache = environment.get("XDG_CACHE_HOME");
		if (cache != null && !cache.isBlank()) {
			return Path.of(cache, "migrate");
		}
		String home = System.getProperty("user.home");
		return (home != null && !home.isBlank() && !home.equals("?")) ? Path.of(home, ".cache", "migrate") : null;
	}

	/** The driver's version, as its jar states it. */
	private static String driverVersion() throws IOException {
		try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream("/sqlite-jdbc.properties")) {
			if (in == null) {
				return null;
			}
			Properties properties = new Properties();
			properties.load(in);
			String version = properties.getProperty("version");
			return (version != null && version.matches("[0-9A-Za-z.\\-]+")) ? version : null;
		}
	}

	private static String folder(String value) {
		return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
	}

	/**
	 * Copies the library this platform needs out of the jar; false when the jar has none
	 * for it.
	 */
	private static boolean write(Path directory, Path library, String name) throws IOException {
		String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
		try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(resource)) {
			if (in == null) {
				return false;
			}
			Files.createDirectories(directory);
			Path partial = Files.createTempFile(directory, name, ".partial");
			try {
				Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
				Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(partial);
			}
		}
		return true;
	}

}
