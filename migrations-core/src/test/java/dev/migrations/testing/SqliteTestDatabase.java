package dev.migrations.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A SQLite database file in a directory of its own. */
public final class SqliteTestDatabase implements TestDatabase {

	private final Path file;

	private final TestDataSource dataSource;

	private final boolean owned;

	private SqliteTestDatabase(Path file, boolean owned) {
		this.file = file;
		this.dataSource = new TestDataSource("jdbc:sqlite:" + file);
		this.owned = owned;
	}

	/** A new, empty database file in a temporary directory. */
	public static SqliteTestDatabase create() {
		try {
			return new SqliteTestDatabase(Files.createTempDirectory("migrations-sqlite").resolve("test.db"), true);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A database at a given file, which the test does not own: closing it leaves the file
	 * alone.
	 */
	public static SqliteTestDatabase at(Path file) {
		return new SqliteTestDatabase(file, false);
	}

	public Path file() {
		return this.file;
	}

	@Override
	public TestDataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public String vendor() {
		return "sqlite";
	}

	@Override
	public List<String> tables() {
		return query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
			.stream()
			.map((Map<String, Object> row) -> String.valueOf(row.get("name")))
			.toList();
	}

	@Override
	public void close() {
		if (!this.owned) {
			return;
		}
		try (var files = Files.list(this.file.getParent())) {
			for (Path path : files.toList()) {
				Files.deleteIfExists(path);
			}
			Files.deleteIfExists(this.file.getParent());
		}
		catch (IOException ex) {
			// Best effort: the temporary directory is cleaned with the machine.
		}
	}

	@Override
	public String toString() {
		return "SQLite";
	}

}
