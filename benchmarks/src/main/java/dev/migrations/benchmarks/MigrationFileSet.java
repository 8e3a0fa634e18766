package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The same {@code n} migrations written in each tool's own naming under one directory:
 * goose files for this engine, {@code V1__…} files for Flyway, and one formatted-SQL
 * changelog for Liquibase. Plain JDBC takes them from {@link MigrationSql} in memory.
 *
 * @param root the directory holding the three layouts
 * @param count how many migrations each layout holds
 */
public record MigrationFileSet(Path root, int count) {

	/** The name of Liquibase's changelog inside {@link #liquibase()}. */
	public static final String CHANGELOG = "changelog.sql";

	/** This engine's goose files: {@code 00001_create_t1.sql}, … */
	public Path goose() {
		return this.root.resolve("goose");
	}

	/** Flyway's files: {@code V1__create_t1.sql}, … */
	public Path flyway() {
		return this.root.resolve("flyway");
	}

	/** The directory of Liquibase's changelog, {@value #CHANGELOG}. */
	public Path liquibase() {
		return this.root.resolve("liquibase");
	}

	/**
	 * Writes {@code count} migrations in every layout under {@code root}, which must not
	 * hold them yet.
	 * @param root the directory, created if absent
	 * @param count how many migrations, at least 1
	 * @return the written set
	 */
	public static MigrationFileSet write(Path root, int count) {
		if (count < 1) {
			throw new IllegalArgumentException("A migration set needs at least one migration, not " + count);
		}
		MigrationFileSet set = new MigrationFileSet(root, count);
		try {
			Files.createDirectories(set.goose());
			Files.createDirectories(set.flyway());
			Files.createDirectories(set.liquibase());
			StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
			for (int version = 1; version <= count; version++) {
				write(set.goose().resolve(gooseName(version)), gooseFile(version));
				write(set.flyway().resolve(flywayName(version)), flywayFile(version));
				changelog.append('\n').append(changeSet(version));
			}
			write(set.liquibase().resolve(CHANGELOG), changelog.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the migrations under " + root, ex);
		}
		return set;
	}

	static String gooseName(int version) {
		return String.format("%05d_create_%s.sql", version, MigrationSql.table(version));
	}

	static String flywayName(int version) {
		return "V" + version + "__create_" + MigrationSql.table(version) + ".sql";
	}

	static String gooseFile(int version) {
		return "-- +goose Up\n" + upStatements(version) + "\n-- +goose Down\n" + MigrationSql.down(version) + ";\n";
	}

	static String flywayFile(int version) {
		return upStatements(version);
	}

	static String changeSet(int version) {
		return "--changeset bench:" + version + "\n" + upStatements(version) + "--rollback "
				+ MigrationSql.down(version) + ";\n";
	}

	private static String upStatements(int version) {
		StringBuilder text = new StringBuilder();
		for (String statement : MigrationSql.up(version)) {
			text.append(statement).append(";\n");
		}
		return text.toString();
	}

	private static void write(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

}
