package dev.migrations.format;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import dev.migrations.Direction;
import dev.migrations.JavaMigration;
import dev.migrations.MigrationFormat;
import dev.migrations.parser.ParsedSection;

/**
 * One version: its files, read when a command first needs them. Listing a location only
 * reads names; validating an applied version reads its files for the {@link #checksum()};
 * running it, planning it or validating the files parses them ({@link #up()},
 * {@link #down()}). Each is done once and kept, so that a command with nothing to do
 * reads every file once and parses none. Safe to share between threads.
 */
public final class Migration {

	private final long version;

	private final MigrationFormat format;

	private final String name;

	private final String location;

	private final Files files;

	private final JavaMigration code;

	private volatile String checksum;

	private volatile Parsed parsed;

	Migration(long version, MigrationFormat format, String name, String location, Files files) {
		this(version, format, name, location, files, null);
	}

	private Migration(long version, MigrationFormat format, String name, String location, Files files,
			JavaMigration code) {
		this.version = version;
		this.format = Objects.requireNonNull(format, "format");
		this.name = Objects.requireNonNull(name, "name");
		this.location = Objects.requireNonNull(location, "location");
		this.files = Objects.requireNonNull(files, "files");
		this.code = code;
	}

	/**
	 * A Java migration, in the catalog of files of a format: it has no statements, and
	 * its checksum is that of its version and description.
	 * @param code the migration
	 * @param format the format of the files it runs with
	 * @return the migration
	 */
	static Migration of(JavaMigration code, MigrationFormat format) {
		String name = code.name();
		String location = name + " (" + code.getClass().getName() + ")";
		String checksum = Checksums
			.of(("java " + code.version() + " " + code.description()).getBytes(StandardCharsets.UTF_8));
		MigrationScript up = new MigrationScript(name, location, ParsedSection.EMPTY);
		MigrationScript down = new MigrationScript(name, location, ParsedSection.EMPTY);
		Parsed parsed = new Parsed(up, down, !code.transactional(), checksum);
		return new Migration(code.version(), format, name, location, new Files() {

			@Override
			public String checksum() {
				return checksum;
			}

			@Override
			public Parsed parse() {
				return parsed;
			}

		}, code);
	}

	/** The Java migration this is, or {@code null} for one made of files. */
	public JavaMigration code() {
		return this.code;
	}

	/** The version. */
	public long version() {
		return this.version;
	}

	/** Goose or golang-migrate. */
	public MigrationFormat format() {
		return this.format;
	}

	/**
	 * The name shown for the migration: the goose file, or the golang-migrate up file
	 * (the down file if alone).
	 */
	public String name() {
		return this.name;
	}

	/** The location shown for the migration, as {@link #name()}. */
	public String location() {
		return this.location;
	}

	/**
	 * The checksum of the files' normalized content (see {@link Checksums}), reading them
	 * the first time.
	 * @return the checksum
	 * @throws dev.migrations.MigrationSourceException when a file cannot be read
	 */
	public String checksum() {
		String known = this.checksum;
		if (known == null) {
			Parsed done = this.parsed;
			known = (done != null) ? done.checksum() : this.files.checksum();
			this.checksum = known;
		}
		return known;
	}

	/** What applying it runs, parsing the files the first time. */
	public MigrationScript up() {
		return parsed().up();
	}

	/** What rolling it back runs, parsing the files the first time. */
	public MigrationScript down() {
		return parsed().down();
	}

	/** The script for a direction, parsing the files the first time. */
	public MigrationScript script(Direction direction) {
		return (direction == Direction.UP) ? up() : down();
	}

	/**
	 * Whether the goose file carries {@code -- +goose NO TRANSACTION}, parsing it the
	 * first time.
	 */
	public boolean noTransaction() {
		return parsed().noTransaction();
	}

	/** Whether the files were parsed already, by this command or an earlier one. */
	public boolean isParsed() {
		return this.parsed != null;
	}

	/**
	 * The files parsed, the first time they are needed and again when the lexical rules
	 * changed since.
	 */
	private Parsed parsed() {
		Parsed done = this.parsed;
		if (done == null || !this.files.isCurrent()) {
			synchronized (this) {
				done = this.parsed;
				if (done == null || !this.files.isCurrent()) {
					done = this.files.parse();
					this.parsed = done;
				}
			}
		}
		return done;
	}

	@Override
	public String toString() {
		return "Migration[" + this.version + " " + this.location + "]";
	}

	/** The files of one version, as the loader reads and parses them. */
	interface Files {

		/** Reads the files and computes their checksum. */
		String checksum();

		/** Reads and parses the files. */
		Parsed parse();

		/** Whether the last parse used the lexical rules in force now. */
		default boolean isCurrent() {
			return true;
		}

	}

	/**
	 * The files of one version, parsed.
	 *
	 * @param up what applying it runs
	 * @param down what rolling it back runs
	 * @param noTransaction whether the goose file carries
	 * {@code -- +goose NO TRANSACTION}
	 * @param checksum the checksum of the content that was parsed
	 */
	record Parsed(MigrationScript up, MigrationScript down, boolean noTransaction, String checksum) {
	}

}
