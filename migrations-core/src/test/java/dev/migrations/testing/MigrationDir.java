package dev.migrations.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A directory of migration files written by a test. */
public final class MigrationDir {

	private final Path directory;

	private MigrationDir(Path directory) {
		this.directory = directory;
	}

	/** A new, empty directory. */
	public static MigrationDir create() {
		try {
			return new MigrationDir(TemporaryDirectories.create("migrations"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Uses an existing directory (a JUnit {@code @TempDir}, say). */
	public static MigrationDir at(Path directory) {
		return new MigrationDir(directory);
	}

	/** Writes a file, replacing any with the same name. */
	public MigrationDir file(String name, String content) {
		return bytes(name, content.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes a file's bytes. */
	public MigrationDir bytes(String name, byte[] content) {
		try {
			Files.createDirectories(this.directory);
			Files.write(this.directory.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** Writes a goose file with the given Up and Down SQL. */
	public MigrationDir goose(String name, String up, String down) {
		return file(name, "-- +goose Up\n" + up + "\n\n-- +goose Down\n" + down + "\n");
	}

	/** Removes a file. */
	public MigrationDir delete(String name) {
		try {
			Files.deleteIfExists(this.directory.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	public Path path() {
		return this.directory;
	}

	/** The directory as a location string. */
	public String location() {
		return this.directory.toString();
	}

}
