package dev.migrations.format;

import java.util.List;
import java.util.Map;

import dev.migrations.MigrationFormat;
import dev.migrations.parser.LexicalRules;
import dev.migrations.parser.ParsedSection;
import dev.migrations.source.MigrationResource;

/**
 * Everything one file format says about its files, in one place: how they are named, what
 * a new migration's files hold, and how a version's files become statements and a
 * checksum. {@link GooseFiles} and {@link GolangMigrateFiles} are the two; the loader,
 * the directory commands and {@code create} ask them and never branch on the format.
 */
public sealed interface FileFormat permits GooseFiles, GolangMigrateFiles {

	/** The rules of a format; {@link MigrationFormat#AUTO} has none. */
	static FileFormat of(MigrationFormat format) {
		return switch (format) {
			case GOOSE -> GooseFiles.INSTANCE;
			case GOLANG_MIGRATE -> GolangMigrateFiles.INSTANCE;
			case AUTO -> throw new IllegalArgumentException("AUTO is decided per location, not a format");
		};
	}

	/**
	 * Which formats a location's file names belong to.
	 * @param names the names
	 * @return the first name of each format found
	 */
	static Detection detect(Iterable<String> names) {
		String goose = null;
		String golangMigrate = null;
		for (String name : names) {
			// golang-migrate's names would pass for goose's too: they end in .sql.
			if (GolangMigrateFiles.INSTANCE.isName(name)) {
				golangMigrate = (golangMigrate != null) ? golangMigrate : name;
			}
			else if (GooseFiles.INSTANCE.isName(name)) {
				goose = (goose != null) ? goose : name;
			}
		}
		return new Detection(goose, golangMigrate);
	}

	/** The format these rules are for. */
	MigrationFormat format();

	/** How the format names its files, for messages. */
	String naming();

	/** Whether a file name has this format's shape. */
	boolean isName(String name);

	/**
	 * Reads a file name.
	 * @param name a name {@link #isName} accepts
	 * @return the parts
	 * @throws IllegalArgumentException when the version is out of range
	 */
	MigrationFileName name(String name);

	/**
	 * The files of a new migration.
	 * @param stem the file name without its extension: the padded version, {@code _} and
	 * the description
	 * @return each file's name and content, in the order they are written
	 */
	Map<String, String> newFiles(String stem);

	/** The checksum of a version's files, as recorded in the metadata table. */
	String checksum(VersionSource files);

	/**
	 * Reads a version's files into statements. Parse errors are kept in the sections, not
	 * thrown.
	 * @param files the version's files
	 * @param rules the lexical rules to split by
	 * @return both directions
	 */
	Migration.Parsed parse(VersionSource files, LexicalRules rules);

	/**
	 * The files that claim one version, as the loader hands them to the format.
	 */
	interface VersionSource {

		/** The up file, or goose's single file; {@code null} when absent. */
		MigrationResource up();

		/** golang-migrate's down file; {@code null} when absent. */
		MigrationResource down();

		/** A file's bytes; an absent file reads as empty. */
		byte[] read(MigrationResource resource);

		/** The environment goose's {@code ENVSUB ON} expands. */
		Map<String, String> environment();

		/** A section with the placeholders substituted, when the file asks for them. */
		ParsedSection substitute(String text, MigrationResource resource, ParsedSection section);

	}

	/**
	 * The first goose name and the first golang-migrate name of a location.
	 *
	 * @param goose a goose file's name, or {@code null}
	 * @param golangMigrate a golang-migrate file's name, or {@code null}
	 */
	record Detection(String goose, String golangMigrate) {

		/** Whether the location mixes the two formats. */
		boolean isMixed() {
			return this.goose != null && this.golangMigrate != null;
		}

		/** The names that show the mix. */
		List<String> examples() {
			return List.of(this.goose, this.golangMigrate);
		}

		/** The format found; goose when neither is. */
		MigrationFormat format() {
			return (this.golangMigrate != null) ? MigrationFormat.GOLANG_MIGRATE : MigrationFormat.GOOSE;
		}

	}

}
