package dev.migrations.source;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrationSourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A classpath source finds a location in every classpath root that holds it, whether a
 * directory or a jar, built here as real files and read through real class loaders.
 */
class ClasspathSourceTests {

	@TempDir
	Path temp;

	@Test
	void listsTheFilesOfALocationInAClasspathDirectory() throws IOException {
		Path root = directoryRoot("classes",
				Map.of("db/migrations/00002_b.sql", "SELECT 2;", "db/migrations/00001_a.sql", "SELECT 1;"));

		try (URLClassLoader loader = loader(root)) {
			List<MigrationResource> resources = MigrationSources.classpath("db/migrations", loader).resources();

			assertThat(resources).extracting(MigrationResource::name).containsExactly("00001_a.sql", "00002_b.sql");
			assertThat(resources).extracting(MigrationResource::location)
				.containsExactly("classpath:db/migrations/00001_a.sql", "classpath:db/migrations/00002_b.sql");
			assertThat(text(resources.get(1))).isEqualTo("SELECT 2;");
		}
	}

	@Test
	void leavesOutFilesInSubdirectoriesOfAClasspathDirectory() throws IOException {
		Path root = directoryRoot("classes",
				Map.of("db/migrations/00001_a.sql", "a", "db/migrations/archive/00002_old.sql", "old"));

		try (URLClassLoader loader = loader(root)) {
			assertThat(MigrationSources.classpath("db/migrations", loader).resources())
				.extracting(MigrationResource::name)
				.containsExactly("00001_a.sql");
		}
	}

	@Test
	void readsAClasspathDirectoryWhosePathHoldsSpaces() throws IOException {
		Path root = directoryRoot("class path root", Map.of("db/migrations/00001_a.sql", "SELECT 1;"));

		try (URLClassLoader loader = loader(root)) {
			List<MigrationResource> resources = MigrationSources.classpath("db/migrations", loader).resources();

			assertThat(resources).extracting(MigrationResource::name).containsExactly("00001_a.sql");
			assertThat(text(resources.get(0))).isEqualTo("SELECT 1;");
		}
	}

	@Test
	void readsFileNamesWithSpacesAndUnicodeLettersInAClasspathDirectory() throws IOException {
		Path root = directoryRoot("classes", Map.of("db/migrations/00001_add users.sql", "SELECT 'spaces';",
				"db/migrations/00002_créer_日本.sql", "SELECT 'unicode';"));

		try (URLClassLoader loader = loader(root)) {
			List<MigrationResource> resources = MigrationSources.classpath("db/migrations", loader).resources();

			assertThat(resources).extracting(MigrationResource::name)
				.containsExactly("00001_add users.sql", "00002_créer_日本.sql");
			assertThat(text(resources.get(0))).isEqualTo("SELECT 'spaces';");
			assertThat(text(resources.get(1))).isEqualTo("SELECT 'unicode';");
		}
	}

	@Test
	void readsFileNamesWithUriReservedCharactersInAClasspathDirectory() throws IOException {
		Path root = directoryRoot("classes",
				Map.of("db/migrations/00001_50%_off.sql", "SELECT 'percent';", "db/migrations/00002_issue#7.sql",
						"SELECT 'hash';", "db/migrations/00003_why?.sql", "SELECT 'why';",
						"db/migrations/00004_at_12:00.sql", "SELECT 'colon';"));

		try (URLClassLoader loader = loader(root)) {
			List<MigrationResource> resources = MigrationSources.classpath("db/migrations", loader).resources();

			assertThat(resources).extracting(MigrationResource::name)
				.containsExactly("00001_50%_off.sql", "00002_issue#7.sql", "00003_why?.sql", "00004_at_12:00.sql");
			assertThat(resources).extracting(ClasspathSourceTests::text)
				.containsExactly("SELECT 'percent';", "SELECT 'hash';", "SELECT 'why';", "SELECT 'colon';");
		}
	}

	@Test
	void listsTheFilesOfALocationInAJarWithDirectoryEntries() throws IOException {
		Path jar = jar("migrations.jar", true,
				Map.of("db/migrations/00002_b.sql", "SELECT 2;", "db/migrations/00001_a.sql", "SELECT 1;",
						"db/migrations/archive/00003_old.sql", "old", "db/other/00004_elsewhere.sql", "elsewhere"));

		try (URLClassLoader loader = loader(jar)) {
			List<MigrationResource> resources = MigrationSources.classpath("db/migrations", loader).resources();

			assertThat(resources).extracting(MigrationResource::name).containsExactly("00001_a.sql", "00002_b.sql");
			assertThat(resources).extracting(MigrationResource::location)
				.containsExactly("classpath:db/migrations/00001_a.sql", "classpath:db/migrations/00002_b.sql");
			assertThat(resources).extracting(ClasspathSourceTests::text).containsExactly("SELECT 1;", "SELECT 2;");
		}
	}

	@Test
	void cannotFindALocationInAJarWithoutDirectoryEntries() throws IOException {
		// A class loader finds a directory in a jar only through its directory entry, and
		// some tools write jars
		// without them; the location then looks missing, and the message must say so
		// plainly.
		Path jar = jar("flat.jar", false, Map.of("db/migrations/00001_a.sql", "SELECT 1;"));

		try (URLClassLoader loader = loader(jar)) {
			assertThat(loader.getResource("db/migrations/00001_a.sql")).isNotNull();
			MigrationSource source = MigrationSources.classpath("db/migrations", loader);

			assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(source::resources)
				.withMessage("Migrations location classpath:db/migrations does not exist: no classpath root holds"
						+ " 'db/migrations'.")
				.satisfies((ex) -> assertThat(ex.location()).isEqualTo("classpath:db/migrations"));
		}
	}

	@Test
	void readsFileNamesWithSpacesAndUnicodeLettersInAJar() throws IOException {
		Path jar = jar("migrations.jar", true, Map.of("db/migrations/00001_add users.sql", "SELECT 'spaces';",
				"db/migrations/00002_créer_日本.sql", "SELECT 'unicode';"));

		try (URLClassLoader loader = loader(jar)) {
			List<MigrationResource> resources = MigrationSources.classpath("db/migrations", loader).resources();

			assertThat(resources).extracting(MigrationResource::name)
				.containsExactly("00001_add users.sql", "00002_créer_日本.sql");
			assertThat(resources).extracting(ClasspathSourceTests::text)
				.containsExactly("SELECT 'spaces';", "SELECT 'unicode';");
		}
	}

	@Test
	void readsFileNamesWithUriReservedCharactersInAJar() throws IOException {
		Path jar = jar("migrations.jar", true,
				Map.of("db/migrations/00001_50%_off.sql", "SELECT 'percent';", "db/migrations/00002_issue#7.sql",
						"SELECT 'hash';", "db/migrations/00003_at_12:00.sql", "SELECT 'colon';"));

		try (URLClassLoader loader = loader(jar)) {
			List<MigrationResource> resources = MigrationSources.classpath("db/migrations", loader).resources();

			assertThat(resources).extracting(MigrationResource::name)
				.containsExactly("00001_50%_off.sql", "00002_issue#7.sql", "00003_at_12:00.sql");
			assertThat(resources).extracting(ClasspathSourceTests::text)
				.containsExactly("SELECT 'percent';", "SELECT 'hash';", "SELECT 'colon';");
		}
	}

	@Test
	void readsAJarWhosePathHoldsSpaces() throws IOException {
		Path jar = jar("my migrations.jar", true, Map.of("db/migrations/00001_a.sql", "SELECT 1;"));

		try (URLClassLoader loader = loader(jar)) {
			List<MigrationResource> resources = MigrationSources.classpath("db/migrations", loader).resources();

			assertThat(resources).extracting(ClasspathSourceTests::text).containsExactly("SELECT 1;");
		}
	}

	@Test
	void takesFilesFromEveryRootThatHoldsTheLocation() throws IOException {
		Path directory = directoryRoot("classes", Map.of("db/migrations/00001_a.sql", "SELECT 1;"));
		Path first = jar("first.jar", true, Map.of("db/migrations/00002_b.sql", "SELECT 2;"));
		Path second = jar("second.jar", true, Map.of("db/migrations/00003_c.sql", "SELECT 3;"));
		Path unrelated = jar("unrelated.jar", true, Map.of("db/other/00004_d.sql", "SELECT 4;"));

		try (URLClassLoader loader = loader(directory, first, unrelated, second)) {
			List<MigrationResource> resources = MigrationSources.classpath("db/migrations", loader).resources();

			assertThat(resources).extracting(MigrationResource::name)
				.containsExactlyInAnyOrder("00001_a.sql", "00002_b.sql", "00003_c.sql");
			assertThat(resources).extracting(ClasspathSourceTests::text)
				.containsExactlyInAnyOrder("SELECT 1;", "SELECT 2;", "SELECT 3;");
		}
	}

	@Test
	void keepsBothFilesWhenTwoRootsHoldTheSameName() throws IOException {
		// The loader, not the source, reports the duplicate version.
		Path first = jar("first.jar", true, Map.of("db/migrations/00001_a.sql", "SELECT 'first';"));
		Path second = directoryRoot("classes", Map.of("db/migrations/00001_a.sql", "SELECT 'second';"));

		try (URLClassLoader loader = loader(first, second)) {
			List<MigrationResource> resources = MigrationSources.classpath("db/migrations", loader).resources();

			assertThat(resources).extracting(ClasspathSourceTests::text)
				.containsExactlyInAnyOrder("SELECT 'first';", "SELECT 'second';");
		}
	}

	@Test
	void searchesTheClassLoadersParentsToo() throws IOException {
		Path parentRoot = directoryRoot("parent", Map.of("db/migrations/00001_a.sql", "SELECT 1;"));
		Path childRoot = directoryRoot("child", Map.of("db/migrations/00002_b.sql", "SELECT 2;"));

		try (URLClassLoader parent = loader(parentRoot);
				URLClassLoader child = new URLClassLoader(new URL[] { childRoot.toUri().toURL() }, parent)) {
			assertThat(MigrationSources.classpath("db/migrations", child).resources())
				.extracting(MigrationResource::name)
				.containsExactlyInAnyOrder("00001_a.sql", "00002_b.sql");
		}
	}

	@Test
	void refusesALocationThatNoRootHolds() throws IOException {
		Path root = directoryRoot("classes", Map.of("db/migrations/00001_a.sql", "a"));

		try (URLClassLoader loader = loader(root)) {
			MigrationSource source = MigrationSources.classpath("db/missing", loader);

			assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(source::resources)
				.withMessage("Migrations location classpath:db/missing does not exist: no classpath root holds"
						+ " 'db/missing'.")
				.satisfies((ex) -> assertThat(ex.location()).isEqualTo("classpath:db/missing"))
				.satisfies((ex) -> assertThat(ex.files()).isEmpty());
		}
	}

	@Test
	void listsNothingForALocationHoldingOnlySubdirectories() throws IOException {
		Path root = directoryRoot("classes", Map.of("db/migrations/archive/00001_a.sql", "a"));

		try (URLClassLoader loader = loader(root)) {
			assertThat(MigrationSources.classpath("db/migrations", loader).resources()).isEmpty();
		}
	}

	@Test
	void refusesARootServedThroughAProtocolItCannotList() throws IOException {
		URL remote = new URL("http://example.invalid/classes/db/migrations");
		ClassLoader loader = new ClassLoader(null) {

			@Override
			public Enumeration<URL> getResources(String name) {
				return Collections.enumeration(List.of(remote));
			}

		};
		MigrationSource source = MigrationSources.classpath("db/migrations", loader);

		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(source::resources)
			.withMessageContaining("Cannot list migrations location classpath:db/migrations in " + remote)
			.withMessageContaining("'http' protocol, which cannot be listed");
	}

	@Test
	void reportsAClassLoaderThatCannotSearch() {
		ClassLoader loader = new ClassLoader(null) {

			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				throw new IOException("index is corrupt");
			}

		};
		MigrationSource source = MigrationSources.classpath("db/migrations", loader);

		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(source::resources)
			.withMessage("Cannot search the classpath for classpath:db/migrations: index is corrupt");
	}

	@Test
	void dropsLeadingAndTrailingSlashesFromTheLocation() throws IOException {
		Path root = directoryRoot("classes", Map.of("db/migrations/00001_a.sql", "SELECT 1;"));

		try (URLClassLoader loader = loader(root)) {
			MigrationSource source = MigrationSources.classpath("/db/migrations/", loader);

			assertThat(source.location()).isEqualTo("classpath:db/migrations");
			assertThat(source.toString()).isEqualTo("classpath:db/migrations");
			assertThat(source.resources()).extracting(MigrationResource::location)
				.containsExactly("classpath:db/migrations/00001_a.sql");
		}
	}

	@Test
	void readsAClasspathLocationFromItsPrefix() throws IOException {
		Path root = directoryRoot("classes", Map.of("db/migrations/00001_a.sql", "SELECT 1;"));

		try (URLClassLoader loader = loader(root)) {
			MigrationSource source = MigrationSources.location("classpath:db/migrations", loader);

			assertThat(source.location()).isEqualTo("classpath:db/migrations");
			assertThat(source.resources()).extracting(MigrationResource::location)
				.containsExactly("classpath:db/migrations/00001_a.sql");
		}
	}

	@Test
	void readsAFilesystemLocationFromItsPrefix() throws IOException {
		Path root = directoryRoot("disk", Map.of("db/migrations/00001_a.sql", "SELECT 1;"));
		Path directory = root.resolve("db/migrations");

		MigrationSource source = MigrationSources.location("filesystem:" + directory, null);

		assertThat(source.location()).isEqualTo("filesystem:" + directory);
		assertThat(source.resources()).extracting(MigrationResource::location)
			.containsExactly(directory.resolve("00001_a.sql").toString());
	}

	@Test
	void readsAPlainLocationAsAPathOnDisk() throws IOException {
		Path root = directoryRoot("disk", Map.of("db/migrations/00001_a.sql", "SELECT 1;"));
		Path directory = root.resolve("db/migrations");

		MigrationSource source = MigrationSources.location(directory.toString(), null);

		assertThat(source.location()).isEqualTo("filesystem:" + directory);
		assertThat(source.resources()).extracting(MigrationResource::name).containsExactly("00001_a.sql");
	}

	@Test
	void readsAPlainRelativeLocationAsARelativePathNotAClasspathOne() {
		MigrationSource source = MigrationSources.location("db/migrations", null);

		assertThat(source.location()).isEqualTo("filesystem:db/migrations");
	}

	@Test
	void refusesASymbolicLinkInAClasspathDirectoryToAFileOutsideIt() throws IOException {
		Path root = directoryRoot("classes", Map.of("db/migrations/00001_a.sql", "SELECT 1;"));
		Path outside = Files.writeString(this.temp.resolve("secret.sql"), "DROP TABLE users;");
		Path link = Files.createSymbolicLink(root.resolve("db/migrations/00002_b.sql"), outside);

		try (URLClassLoader loader = loader(root)) {
			MigrationSource source = MigrationSources.classpath("db/migrations", loader);

			assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(source::resources)
				.withMessage("Migration file " + link + " is a symbolic link to a file outside classpath:db/migrations;"
						+ " copy the file into the directory instead.")
				.satisfies((ex) -> assertThat(ex.location()).isEqualTo("classpath:db/migrations"))
				.satisfies((ex) -> assertThat(ex.files()).containsExactly(link.toString()));
		}
	}

	@Test
	void refusesASymbolicLinkInAClasspathDirectoryThatEscapesThroughARelativePath() throws IOException {
		Path root = directoryRoot("classes", Map.of("db/seed.sql", "DROP TABLE users;"));
		Path directory = Files.createDirectories(root.resolve("db/migrations"));
		Files.createSymbolicLink(directory.resolve("00001_a.sql"), Path.of("..", "seed.sql"));

		try (URLClassLoader loader = loader(root)) {
			MigrationSource source = MigrationSources.classpath("db/migrations", loader);

			assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(source::resources)
				.withMessageContaining("is a symbolic link to a file outside classpath:db/migrations");
		}
	}

	@Test
	void allowsASymbolicLinkInAClasspathDirectoryToAFileBesideIt() throws IOException {
		Path root = directoryRoot("classes", Map.of("db/migrations/00001_a.sql", "SELECT 1;"));
		Files.createSymbolicLink(root.resolve("db/migrations/00002_b.sql"), Path.of("00001_a.sql"));

		try (URLClassLoader loader = loader(root)) {
			List<MigrationResource> resources = MigrationSources.classpath("db/migrations", loader).resources();

			assertThat(resources).extracting(MigrationResource::name).containsExactly("00001_a.sql", "00002_b.sql");
			assertThat(text(resources.get(1))).isEqualTo("SELECT 1;");
		}
	}

	@Test
	void readsFilesWhenTheClasspathRootItselfIsASymbolicLink() throws IOException {
		Path real = directoryRoot("classes", Map.of("db/migrations/00001_a.sql", "SELECT 1;"));
		Path root = Files.createSymbolicLink(this.temp.resolve("linked-classes"), real);

		try (URLClassLoader loader = loader(root)) {
			assertThat(MigrationSources.classpath("db/migrations", loader).resources())
				.extracting(MigrationResource::name)
				.containsExactly("00001_a.sql");
		}
	}

	@Test
	void keepsTheLocationAndFilesOfAFixedList() throws IOException {
		MigrationResource resource = MigrationResource.of("00001_a.sql", "generated/00001_a.sql",
				() -> "SELECT 1;".getBytes(StandardCharsets.UTF_8));
		MigrationSource source = MigrationSources.of("generated", List.of(resource));

		assertThat(source.location()).isEqualTo("generated");
		assertThat(source.toString()).isEqualTo("generated");
		assertThat(source.resources()).containsExactly(resource);
		assertThat(resource.toString()).isEqualTo("generated/00001_a.sql");
		assertThat(resource.name()).isEqualTo("00001_a.sql");
		assertThat(text(resource)).isEqualTo("SELECT 1;");
	}

	private Path directoryRoot(String name, Map<String, String> files) throws IOException {
		Path root = this.temp.resolve(name);
		for (Map.Entry<String, String> file : files.entrySet()) {
			Path path = root.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.getValue());
		}
		return root;
	}

	private Path jar(String name, boolean directoryEntries, Map<String, String> files) throws IOException {
		Path jar = this.temp.resolve(name);
		Map<String, String> sorted = new LinkedHashMap<>();
		files.keySet().stream().sorted().forEach((key) -> sorted.put(key, files.get(key)));
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
			Set<String> written = new LinkedHashSet<>();
			for (Map.Entry<String, String> file : sorted.entrySet()) {
				if (directoryEntries) {
					String path = file.getKey();
					for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
						String directory = path.substring(0, slash + 1);
						if (written.add(directory)) {
							zip.putNextEntry(new JarEntry(directory));
							zip.closeEntry();
						}
					}
				}
				zip.putNextEntry(new JarEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return jar;
	}

	private static URLClassLoader loader(Path... roots) throws IOException {
		URL[] urls = new URL[roots.length];
		for (int i = 0; i < roots.length; i++) {
			urls[i] = roots[i].toUri().toURL();
		}
		// No parent, so that nothing on the test's own classpath can answer.
		return new URLClassLoader(urls, null);
	}

	private static String text(MigrationResource resource) {
		try {
			return new String(resource.read(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
