package dev.migrations.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrationSourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A directory source lists the regular files directly in one directory on disk, and
 * nothing outside it.
 */
class DirectorySourceTests {

	@TempDir
	Path directory;

	@Test
	void listsTheFilesInTheDirectorySortedByName() throws IOException {
		write("00003_c.sql", "c");
		write("00001_a.sql", "a");
		write("00002_b.sql", "b");

		List<MigrationResource> resources = MigrationSources.directory(this.directory).resources();

		assertThat(resources).extracting(MigrationResource::name)
			.containsExactly("00001_a.sql", "00002_b.sql", "00003_c.sql");
		assertThat(resources).extracting(MigrationResource::location)
			.containsExactly(this.directory.resolve("00001_a.sql").toString(),
					this.directory.resolve("00002_b.sql").toString(), this.directory.resolve("00003_c.sql").toString());
	}

	@Test
	void readsEachFilesBytes() throws IOException {
		write("00001_a.sql", "SELECT 1;\n");

		MigrationResource resource = MigrationSources.directory(this.directory).resources().get(0);

		assertThat(new String(resource.read(), StandardCharsets.UTF_8)).isEqualTo("SELECT 1;\n");
	}

	@Test
	void includesFilesThatAreNotMigrationsBecauseTheFormatDecides() throws IOException {
		write("00001_a.sql", "a");
		write("README.md", "notes");

		assertThat(MigrationSources.directory(this.directory).resources()).extracting(MigrationResource::name)
			.containsExactly("00001_a.sql", "README.md");
	}

	@Test
	void ignoresSubdirectoriesAndTheFilesInThem() throws IOException {
		write("00001_a.sql", "a");
		Path nested = Files.createDirectory(this.directory.resolve("00002_nested.sql"));
		Files.writeString(nested.resolve("00003_deep.sql"), "deep");

		assertThat(MigrationSources.directory(this.directory).resources()).extracting(MigrationResource::name)
			.containsExactly("00001_a.sql");
	}

	@Test
	void listsNothingForAnEmptyDirectory() {
		assertThat(MigrationSources.directory(this.directory).resources()).isEmpty();
	}

	@Test
	void refusesADirectoryThatDoesNotExist() {
		Path missing = this.directory.resolve("missing");
		MigrationSource source = MigrationSources.directory(missing);

		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(source::resources)
			.withMessage("Migrations location filesystem:" + missing + " does not exist.")
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("filesystem:" + missing))
			.satisfies((ex) -> assertThat(ex.files()).isEmpty());
	}

	@Test
	void refusesAFileGivenInsteadOfADirectory() throws IOException {
		Path file = write("00001_a.sql", "a");
		MigrationSource source = MigrationSources.directory(file);

		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(source::resources)
			.withMessage("Migrations location filesystem:" + file + " is not a directory.");
	}

	@Test
	void namesTheDirectoryInItsLocation() {
		assertThat(MigrationSources.directory(this.directory).location()).isEqualTo("filesystem:" + this.directory);
		assertThat(MigrationSources.directory(Path.of("db", "migrations")).location())
			.isEqualTo("filesystem:db/migrations");
	}

	@Test
	void allowsASymbolicLinkToAFileInTheSameDirectory() throws IOException {
		write("00001_a.sql", "SELECT 1;");
		Files.createSymbolicLink(this.directory.resolve("00002_b.sql"), Path.of("00001_a.sql"));

		List<MigrationResource> resources = MigrationSources.directory(this.directory).resources();

		assertThat(resources).extracting(MigrationResource::name).containsExactly("00001_a.sql", "00002_b.sql");
		assertThat(new String(resources.get(1).read(), StandardCharsets.UTF_8)).isEqualTo("SELECT 1;");
	}

	@Test
	void allowsFilesWhenTheDirectoryItselfIsReachedThroughASymbolicLink(@TempDir Path elsewhere) throws IOException {
		write("00001_a.sql", "a");
		Files.createSymbolicLink(this.directory.resolve("00002_b.sql"), Path.of("00001_a.sql"));
		Path link = Files.createSymbolicLink(elsewhere.resolve("migrations"), this.directory);

		assertThat(MigrationSources.directory(link).resources()).extracting(MigrationResource::name)
			.containsExactly("00001_a.sql", "00002_b.sql");
	}

	@Test
	void refusesASymbolicLinkToAFileOutsideTheDirectory(@TempDir Path elsewhere) throws IOException {
		write("00001_a.sql", "a");
		Path outside = Files.writeString(elsewhere.resolve("secret.sql"), "DROP TABLE users;");
		Path link = Files.createSymbolicLink(this.directory.resolve("00002_b.sql"), outside);
		MigrationSource source = MigrationSources.directory(this.directory);

		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(source::resources)
			.withMessageContaining(
					"Migration file " + link + " is a symbolic link to a file outside filesystem:" + this.directory)
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("filesystem:" + this.directory))
			.satisfies((ex) -> assertThat(ex.files()).containsExactly(link.toString()));
	}

	@Test
	void refusesASymbolicLinkThatEscapesThroughARelativePath(@TempDir Path elsewhere) throws IOException {
		Path outside = Files.writeString(elsewhere.resolve("00001_a.sql"), "a");
		Path link = Files.createSymbolicLink(this.directory.resolve("00001_a.sql"), this.directory.relativize(outside));
		MigrationSource source = MigrationSources.directory(this.directory);

		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(source::resources)
			.withMessageContaining(link.toString());
	}

	@Test
	void readsTheLinksOfAKubernetesConfigMapVolume() throws IOException {
		// As the kubelet mounts a ConfigMap: the files in a hidden timestamped directory,
		// reached through ..data.
		Path timestamped = Files.createDirectory(this.directory.resolve("..2026_12_04_10_00_00.123456789"));
		Files.writeString(timestamped.resolve("00001_a.sql"), "a");
		Files.writeString(timestamped.resolve("00002_b.sql"), "b");
		Files.createSymbolicLink(this.directory.resolve("..data"), timestamped.getFileName());
		Files.createSymbolicLink(this.directory.resolve("00001_a.sql"), Path.of("..data", "00001_a.sql"));
		Files.createSymbolicLink(this.directory.resolve("00002_b.sql"), Path.of("..data", "00002_b.sql"));

		List<MigrationResource> resources = MigrationSources.directory(this.directory).resources();

		assertThat(resources).extracting(MigrationResource::name).containsExactly("00001_a.sql", "00002_b.sql");
		assertThat(new String(resources.get(1).read(), StandardCharsets.UTF_8)).isEqualTo("b");
	}

	@Test
	void refusesALinkIntoASubdirectoryThatLeadsOnOutOfTheDirectory(@TempDir Path elsewhere) throws IOException {
		Files.writeString(elsewhere.resolve("00001_a.sql"), "DROP TABLE users;");
		Files.createSymbolicLink(this.directory.resolve("..data"), elsewhere);
		Path link = Files.createSymbolicLink(this.directory.resolve("00001_a.sql"), Path.of("..data", "00001_a.sql"));
		MigrationSource source = MigrationSources.directory(this.directory);

		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(source::resources)
			.withMessageContaining(link.toString());
	}

	@Test
	void aFileFoundByOtherMeansIsReadUnderTheSameRule(@TempDir Path elsewhere) throws IOException {
		Path plain = write("00001_a.sql", "SELECT 1;");
		Path inside = Files.createSymbolicLink(this.directory.resolve("00002_b.sql"), Path.of("00001_a.sql"));
		Path outside = Files.createSymbolicLink(this.directory.resolve("00003_c.sql"),
				Files.writeString(elsewhere.resolve("secret.sql"), "DROP TABLE users;"));

		assertThat(
				new String(MigrationSources.file(plain, "memory/00001_a.sql", "memory").read(), StandardCharsets.UTF_8))
			.isEqualTo("SELECT 1;");
		assertThat(MigrationSources.file(inside, "memory/00002_b.sql", "memory").name()).isEqualTo("00002_b.sql");
		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> MigrationSources.file(outside, "memory/00003_c.sql", "memory"))
			.withMessage("Migration file " + outside
					+ " is a symbolic link to a file outside memory; copy the file into" + " the directory instead.")
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("memory"));
		Path gone = this.directory.resolve("gone/00004_d.sql");
		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> MigrationSources.file(gone, "memory/00004_d.sql", "memory"))
			.withMessageStartingWith("Cannot resolve the directory of " + gone + " in memory: ");
	}

	@Test
	void refusesADanglingLinkThatCannotBeFollowed(@TempDir Path elsewhere) throws IOException {
		Path link = Files.createSymbolicLink(this.directory.resolve("00001_a.sql"), elsewhere.resolve("missing.sql"));

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> MigrationSources.file(link, "memory/00001_a.sql", "memory"))
			.withMessageStartingWith("Cannot follow the symbolic link " + link + " in memory: ");
	}

	@Test
	void readsAFileNameWithSpaces() throws IOException {
		write("00001_add users table.sql", "SELECT 1;");

		MigrationResource resource = MigrationSources.directory(this.directory).resources().get(0);

		assertThat(resource.name()).isEqualTo("00001_add users table.sql");
		assertThat(new String(resource.read(), StandardCharsets.UTF_8)).isEqualTo("SELECT 1;");
	}

	@Test
	void readsAFileNameWithUnicodeLetters() throws IOException {
		// Non-ASCII file names need a JVM whose file name encoding is UTF-8 (a UTF-8
		// locale).
		assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names are not UTF-8 here");
		write("00001_créer_entrées_日本.sql", "SELECT 'é';");

		MigrationResource resource = MigrationSources.directory(this.directory).resources().get(0);

		assertThat(resource.name()).isEqualTo("00001_créer_entrées_日本.sql");
		assertThat(new String(resource.read(), StandardCharsets.UTF_8)).isEqualTo("SELECT 'é';");
	}

	@Test
	void listsTenThousandFiles() throws IOException {
		List<String> expected = new ArrayList<>();
		for (int i = 1; i <= 10_000; i++) {
			String name = String.format("%05d_m.sql", i);
			write(name, "SELECT " + i + ";");
			expected.add(name);
		}

		List<MigrationResource> resources = MigrationSources.directory(this.directory).resources();

		assertThat(resources).extracting(MigrationResource::name).containsExactlyElementsOf(expected);
		assertThat(new String(resources.get(9_999).read(), StandardCharsets.UTF_8)).isEqualTo("SELECT 10000;");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

}
