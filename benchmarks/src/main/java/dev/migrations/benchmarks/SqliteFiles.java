package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh SQLite files in one directory. */
public final class SqliteFiles implements DatabaseServer {

	private static final List<String> COMPANIONS = List.of("", "-journal", "-wal", "-shm", ".migrate-lock");

	private final Path directory;

	private final AtomicInteger counter = new AtomicInteger();

	/**
	 * Creates the server.
	 * @param directory where the files go
	 */
	public SqliteFiles(Path directory) {
		this.directory = directory;
	}

	@Override
	public DatabaseKind kind() {
		return DatabaseKind.SQLITE;
	}

	@Override
	public ScratchDatabase create(String label) {
		Path file = this.directory.resolve(label + "-" + this.counter.incrementAndGet() + ".db");
		return new SqliteFile(file);
	}

	private record SqliteFile(Path file) implements ScratchDatabase {

		@Override
		public DatabaseKind kind() {
			return DatabaseKind.SQLITE;
		}

		@Override
		public String url() {
			return "jdbc:sqlite:" + this.file;
		}

		@Override
		public String name() {
			return this.file.getFileName().toString();
		}

		@Override
		public void close() {
			try {
				for (String suffix : COMPANIONS) {
					Files.deleteIfExists(this.file.resolveSibling(this.file.getFileName() + suffix));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot remove " + this.file, ex);
			}
		}

	}

}
