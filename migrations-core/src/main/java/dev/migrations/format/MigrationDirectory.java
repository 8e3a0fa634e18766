package dev.migrations.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.migrations.Direction;
import dev.migrations.MigrationFormat;
import dev.migrations.MigrationSourceException;
import dev.migrations.source.MigrationSources;

/**
 * The migration files in one directory as the commands that write there see them: their
 * format and their versions. A name that does not fit the format, or whose version is
 * invalid, is left out, because these commands neither number after it nor rename it; the
 * loader reports it when the migrations are read.
 */
public final class MigrationDirectory {

	private static final Comparator<MigrationFileName> UP_FIRST = Comparator
		.comparing((MigrationFileName file) -> file.direction() == Direction.DOWN)
		.thenComparing(MigrationFileName::name);

	private final Path path;

	private final boolean exists;

	private final MigrationFormat format;

	private final NavigableMap<Long, List<MigrationFileName>> versions;

	private MigrationDirectory(Path path, boolean exists, MigrationFormat format,
			NavigableMap<Long, List<MigrationFileName>> versions) {
		this.path = path;
		this.exists = exists;
		this.format = format;
		this.versions = versions;
	}

	/**
	 * Reads a directory's file names. A missing directory reads as empty.
	 * @param path the directory
	 * @param requested the format, or {@link MigrationFormat#AUTO} to follow the names
	 * (goose when there are none)
	 * @return the snapshot
	 * @throws MigrationSourceException when the path is not a directory or cannot be
	 * listed, or when the format is {@code AUTO} and the directory holds files of both
	 * formats
	 */
	public static MigrationDirectory read(Path path, MigrationFormat requested) {
		boolean exists = Files.exists(path);
		List<String> names = exists ? list(path) : List.of();
		MigrationFormat format = (requested == MigrationFormat.AUTO) ? detect(path, names) : requested;
		NavigableMap<Long, List<MigrationFileName>> versions = new TreeMap<>();
		for (String name : names) {
			MigrationFileName file = parse(name, format);
			if (file != null) {
				versions.computeIfAbsent(file.version(), (version) -> new ArrayList<>()).add(file);
			}
		}
		versions.values().forEach((files) -> files.sort(UP_FIRST));
		return new MigrationDirectory(path, exists, format, versions);
	}

	/** Whether the directory exists. */
	public boolean exists() {
		return this.exists;
	}

	/** The format of the files, or the one requested; never {@code AUTO}. */
	public MigrationFormat format() {
		return this.format;
	}

	/** The directory as a location, for messages. */
	public String location() {
		return location(this.path);
	}

	/**
	 * The files with a version, the golang-migrate up file first; empty when none has it.
	 */
	public List<MigrationFileName> files(long version) {
		return List.copyOf(this.versions.getOrDefault(version, List.of()));
	}

	/** The highest version that is not a timestamp, or 0 when there is none. */
	public long highestSequential() {
		return this.versions.keySet()
			.stream()
			.filter((version) -> !VersionNumbers.isTimestamp(version))
			.reduce(0L, Math::max);
	}

	/** The timestamp versions, in ascending order. */
	public List<Long> timestampVersions() {
		return this.versions.keySet().stream().filter(VersionNumbers::isTimestamp).toList();
	}

	private static List<String> list(Path path) {
		if (!Files.isDirectory(path)) {
			throw new MigrationSourceException(location(path), List.of(),
					"Migrations location " + location(path) + " is not a directory.");
		}
		try (Stream<Path> entries = Files.list(path)) {
			return entries.filter(Files::isRegularFile).map((file) -> file.getFileName().toString()).sorted().toList();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new MigrationSourceException(location(path), List.of(),
					"Cannot list migrations location " + location(path) + ": " + ex.getMessage());
		}
	}

	private static MigrationFormat detect(Path path, List<String> names) {
		FileFormat.Detection detection = FileFormat.detect(names);
		if (detection.isMixed()) {
			throw new MigrationSourceException(location(path), detection.examples(),
					"Location " + location(path) + " mixes goose files (" + detection.goose()
							+ ") and golang-migrate files (" + detection.golangMigrate()
							+ "); keep one format per location.");
		}
		return detection.format();
	}

	private static MigrationFileName parse(String name, MigrationFormat format) {
		FileFormat rules = FileFormat.of(format);
		try {
			return rules.isName(name) ? rules.name(name) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String location(Path path) {
		return MigrationSources.FILESYSTEM_PREFIX + path;
	}

}
