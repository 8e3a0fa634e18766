package dev.migrations.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.migrations.MigrationSourceException;

/**
 * Migration files at a classpath location. Every classpath root holding the location
 * contributes: a directory ({@code file:} URLs), a jar ({@code jar:file:} URLs) or a jar
 * nested in a Spring Boot executable jar (whose loader serves {@code jar:nested:} URLs
 * through the standard {@link JarURLConnection}). In a directory, as in
 * {@link DirectorySource}, a symbolic link that leads out of the location is refused.
 */
final class ClasspathSource implements MigrationSource {

	private final String path;

	private final ClassLoader classLoader;

	ClasspathSource(String path, ClassLoader classLoader) {
		this.path = trimSlashes(path);
		this.classLoader = (classLoader != null) ? classLoader : ClasspathSource.class.getClassLoader();
	}

	@Override
	public String location() {
		return MigrationSources.CLASSPATH_PREFIX + this.path;
	}

	@Override
	public List<MigrationResource> resources() {
		Set<URL> roots = findRoots();
		if (roots.isEmpty()) {
			throw new MigrationSourceException(location(), List.of(), "Migrations location " + location()
					+ " does not exist: no classpath root holds '" + this.path + "'.");
		}
		List<MigrationResource> resources = new ArrayList<>();
		for (URL root : roots) {
			try {
				// A directory's files are read from disk, where a symbolic link must not
				// lead out of the directory.
				Path directory = "file".equals(root.getProtocol()) ? Path.of(root.toURI()) : null;
				Path realDirectory = (directory != null) ? directory.toRealPath() : null;
				for (String name : listFileNames(root)) {
					// With several roots, say which one a file came from, or a duplicate
					// version names one path twice.
					String origin = (roots.size() > 1) ? " (in " + root + ")" : "";
					String location = location() + "/" + name + origin;
					resources.add((directory != null)
							? DirectoryFiles.resource(realDirectory, directory.resolve(name), location, location())
							: resource(root, name, location));
				}
			}
			catch (IOException | URISyntaxException ex) {
				throw new MigrationSourceException(location(), List.of(),
						"Cannot list migrations location " + location() + " in " + root + ": " + ex.getMessage());
			}
		}
		return resources;
	}

	private Set<URL> findRoots() {
		Set<URL> roots = new LinkedHashSet<>();
		try {
			roots.addAll(Collections.list(this.classLoader.getResources(this.path)));
			roots.addAll(Collections.list(this.classLoader.getResources(this.path + "/")));
		}
		catch (IOException ex) {
			throw new MigrationSourceException(location(), List.of(),
					"Cannot search the classpath for " + location() + ": " + ex.getMessage());
		}
		Set<URL> unique = new LinkedHashSet<>();
		Set<String> seen = new LinkedHashSet<>();
		for (URL root : roots) {
			if (seen.add(trimSlashes(root.toString()))) {
				unique.add(root);
			}
		}
		return unique;
	}

	private List<String> listFileNames(URL root) throws IOException, URISyntaxException {
		if ("file".equals(root.getProtocol())) {
			try (Stream<Path> entries = Files.list(Path.of(root.toURI()))) {
				return entries.filter(Files::isRegularFile)
					.map((file) -> file.getFileName().toString())
					.sorted()
					.toList();
			}
		}
		URLConnection connection = root.openConnection();
		if (connection instanceof JarURLConnection jar) {
			return listJarDirectory(jar);
		}
		throw new IOException("the classpath serves it through the '" + root.getProtocol()
				+ "' protocol, which cannot be listed; hand the files over as resources instead");
	}

	private static List<String> listJarDirectory(JarURLConnection connection) throws IOException {
		String directory = trimSlashes(connection.getEntryName()) + "/";
		JarFile jar = connection.getJarFile();
		List<String> names = new ArrayList<>();
		for (JarEntry entry : Collections.list(jar.entries())) {
			String name = entry.getName();
			if (!entry.isDirectory() && name.startsWith(directory) && name.indexOf('/', directory.length()) < 0) {
				names.add(name.substring(directory.length()));
			}
		}
		Collections.sort(names);
		return names;
	}

	private static MigrationResource resource(URL root, String name, String location)
			throws IOException, URISyntaxException {
		// The root is already encoded; the name may hold spaces or non-ASCII letters. It
		// is encoded as an absolute
		// path because a relative one with a ':' in it (00004_at_12:00.sql) would be read
		// as a URI scheme.
		String encodedName = new URI(null, null, "/" + name, null).toASCIIString().substring(1);
		URL file = new URL(trimTrailingSlash(root.toString()) + "/" + encodedName);
		return MigrationResource.of(name, location, () -> {
			try (InputStream in = file.openStream()) {
				return in.readAllBytes();
			}
		});
	}

	private static String trimSlashes(String value) {
		String trimmed = value;
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		return trimTrailingSlash(trimmed);
	}

	private static String trimTrailingSlash(String value) {
		String trimmed = value;
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

	@Override
	public String toString() {
		return location();
	}

}
