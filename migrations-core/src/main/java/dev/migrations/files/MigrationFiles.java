package dev.migrations.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationConfigurationException;
import dev.migrations.MigrationFormat;
import dev.migrations.MigrationSourceException;
import dev.migrations.MigrationStateException;
import dev.migrations.MigrationStatus;
import dev.migrations.StatusReport;
import dev.migrations.format.FileFormat;
import dev.migrations.format.MigrationDirectory;
import dev.migrations.format.MigrationFileName;
import dev.migrations.format.VersionNumbers;
import dev.migrations.source.MigrationSources;

/**
 * Commands that change the migration files rather than the database: {@code create}
 * writes the next migration and {@code fix} turns timestamp versions into sequential
 * ones, as goose's commands of the same names do.
 */
public final class MigrationFiles {

	private static final Logger logger = LoggerFactory.getLogger(MigrationFiles.class);

	private static final Pattern WORD_BOUNDARY = Pattern
		.compile("(?<=[\\p{Ll}])(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{Nd}]+");

	private MigrationFiles() {
	}

	/**
	 * Writes a new migration into a directory, numbered after the migrations already
	 * there. Existing files are never overwritten.
	 * @param directory the directory, created when it does not exist
	 * @param name what the migration does, written into the file name in snake case
	 * ({@code AddUserEmail} and {@code add user-email} both become
	 * {@code add_user_email})
	 * @param format goose or golang-migrate, or {@link MigrationFormat#AUTO} to follow
	 * the files already in the directory (goose when there are none)
	 * @param versioning whether the version is the next sequential number or the current
	 * UTC time
	 * @param clock the time a timestamp version is taken from
	 * @return the version and the files written
	 * @throws MigrationConfigurationException when the name holds no letter or digit
	 * @throws MigrationStateException when the version already exists, as two timestamp
	 * versions created within one second do
	 * @throws MigrationSourceException when the directory mixes both formats (with
	 * {@code AUTO}), or cannot be listed or written
	 */
	public static CreatedMigration create(Path directory, String name, MigrationFormat format, Versioning versioning,
			Clock clock) {
		Objects.requireNonNull(directory, "directory");
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(versioning, "versioning");
		Objects.requireNonNull(clock, "clock");
		String description = snakeCase(name);
		MigrationDirectory existing = MigrationDirectory.read(directory, format);
		long version = (versioning == Versioning.TIMESTAMP) ? VersionNumbers.timestamp(clock.instant())
				: existing.highestSequential() + 1;
		List<MigrationFileName> clashing = existing.files(version);
		if (!clashing.isEmpty()) {
			throw new MigrationStateException(
					"Version " + version + " already exists in " + existing.location() + " (" + names(clashing) + "); "
							+ ((versioning == Versioning.TIMESTAMP)
									? "timestamps only count whole seconds, so wait a"
											+ " second and create the migration again."
									: "rename or remove that file first."));
		}
		String stem = VersionNumbers.text(version, existing.format()) + "_" + description;
		List<Path> written = write(directory, FileFormat.of(existing.format()).newFiles(stem));
		return new CreatedMigration(version, existing.format(), written);
	}

	/**
	 * Renames the files whose version is a timestamp ({@code yyyyMMddHHmmss}, a valid
	 * date and time after 1970) to the next sequential versions after the highest other
	 * version, in timestamp order, keeping the rest of each name: goose's hybrid
	 * versioning, where developers create timestamped migrations and {@code fix} numbers
	 * them before they are deployed. Everything is checked before the first file is
	 * renamed.
	 * @param directory the directory of goose or golang-migrate files
	 * @param appliedVersions the versions the database records as applied (see
	 * {@link #appliedVersions})
	 * @return the renames, in order
	 * @throws MigrationStateException when a timestamp version is already applied
	 * (renaming it would make it look pending), when a new version is recorded as applied
	 * (the renamed file would look applied without having run), or when a new name is
	 * taken; nothing is renamed
	 * @throws MigrationSourceException when the directory does not exist, mixes both
	 * formats, or a rename fails
	 */
	public static FixResult fix(Path directory, Set<Long> appliedVersions) {
		Objects.requireNonNull(directory, "directory");
		Objects.requireNonNull(appliedVersions, "appliedVersions");
		MigrationDirectory existing = MigrationDirectory.read(directory, MigrationFormat.AUTO);
		if (!existing.exists()) {
			throw new MigrationSourceException(existing.location(), List.of(),
					"Migrations location " + existing.location() + " does not exist.");
		}
		List<RenamedFile> renames = planRenames(existing);
		refuseApplied(existing, renames, appliedVersions);
		refuseTakenNames(directory, renames);
		rename(existing, directory, renames);
		return new FixResult(existing.format(), renames);
	}

	/**
	 * The versions a status report shows as applied, for {@link #fix}:
	 * {@code fix(directory,
	 * MigrationFiles.appliedVersions(migrator.status()))}.
	 * @param status the database's status
	 * @return the versions whose state
	 * {@linkplain dev.migrations.MigrationState#isApplied() is applied}, sorted
	 */
	public static Set<Long> appliedVersions(StatusReport status) {
		Set<Long> applied = status.migrations()
			.stream()
			.filter((row) -> row.state().isApplied())
			.map(MigrationStatus::version)
			.collect(Collectors.toCollection(TreeSet::new));
		return Collections.unmodifiableSet(applied);
	}

	static String snakeCase(String name) {
		String words = WORD_BOUNDARY.matcher((name != null) ? name : "").replaceAll("_");
		String snake = NOT_LETTER_OR_DIGIT.matcher(words.toLowerCase(Locale.ROOT)).replaceAll("_");
		int start = snake.startsWith("_") ? 1 : 0;
		int end = snake.endsWith("_") ? snake.length() - 1 : snake.length();
		if (start >= end) {
			throw new MigrationConfigurationException("name", "Migration name '" + name + "' holds no letter or digit;"
					+ " give a name that says what the migration does, such as add_user_email.");
		}
		return snake.substring(start, end);
	}

	private static List<Path> write(Path directory, Map<String, String> files) {
		List<Path> written = new ArrayList<>();
		for (Map.Entry<String, String> file : files.entrySet()) {
			Path path = directory.resolve(file.getKey());
			try {
				Files.createDirectories(directory);
				Files.writeString(path, file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
				written.add(path);
			}
			catch (FileAlreadyExistsException ex) {
				removeQuietly(written);
				throw new MigrationStateException("Migration file " + path + " already exists; it was left as it"
						+ " was and no file was created.");
			}
			catch (IOException ex) {
				removeQuietly(written);
				throw new MigrationSourceException(MigrationSources.FILESYSTEM_PREFIX + directory,
						List.of(path.toString()), "Cannot write migration file " + path + ": " + ex.getMessage());
			}
		}
		return written;
	}

	private static void removeQuietly(List<Path> written) {
		for (Path path : written) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				// The failure being reported matters more; a half-written migration shows
				// in the next listing.
			}
		}
	}

	private static List<RenamedFile> planRenames(MigrationDirectory existing) {
		List<RenamedFile> renames = new ArrayList<>();
		long next = existing.highestSequential();
		for (long timestamp : existing.timestampVersions()) {
			next++;
			String prefix = VersionNumbers.text(next, existing.format());
			for (MigrationFileName file : existing.files(timestamp)) {
				String rest = file.name().substring(file.name().indexOf('_'));
				renames.add(new RenamedFile(file.name(), prefix + rest, timestamp, next));
			}
		}
		return renames;
	}

	private static void refuseApplied(MigrationDirectory existing, List<RenamedFile> renames, Set<Long> applied) {
		List<String> appliedTimestamps = renames.stream()
			.filter((rename) -> applied.contains(rename.fromVersion()))
			.map(RenamedFile::from)
			.toList();
		if (!appliedTimestamps.isEmpty()) {
			throw new MigrationStateException("Cannot fix " + existing.location() + ": the database records "
					+ String.join(", ", appliedTimestamps) + " as applied under the timestamp version; with a new"
					+ " version it would look pending and run again. Nothing was renamed; run fix before timestamped"
					+ " migrations are applied anywhere.");
		}
		List<String> takenVersions = renames.stream()
			.filter((rename) -> applied.contains(rename.toVersion()))
			.map((rename) -> rename.from() + " (version " + rename.toVersion() + ")")
			.toList();
		if (!takenVersions.isEmpty()) {
			throw new MigrationStateException("Cannot fix " + existing.location() + ": the database records versions"
					+ " as applied that fix would give to " + String.join(", ", takenVersions)
					+ ", so they would look applied without having run. Nothing was renamed; add the missing"
					+ " migration files to the directory first.");
		}
	}

	private static void refuseTakenNames(Path directory, List<RenamedFile> renames) {
		Set<String> targets = new HashSet<>();
		for (RenamedFile rename : renames) {
			if (!targets.add(rename.to()) || Files.exists(directory.resolve(rename.to()))) {
				throw new MigrationStateException("Cannot rename " + rename.from() + " to " + rename.to()
						+ ": that name is taken. Nothing was renamed.");
			}
		}
	}

	private static void rename(MigrationDirectory existing, Path directory, List<RenamedFile> renames) {
		List<String> done = new ArrayList<>();
		for (RenamedFile rename : renames) {
			try {
				Files.move(directory.resolve(rename.from()), directory.resolve(rename.to()));
			}
			catch (IOException ex) {
				throw new MigrationSourceException(existing.location(), List.of(rename.from(), rename.to()),
						"Cannot rename " + rename.from() + " to " + rename.to() + ": " + ex.getMessage() + "; "
								+ (done.isEmpty() ? "nothing was renamed."
										: "renamed before it: " + String.join(", ", done) + "."));
			}
			logger.info("Renamed {} to {}", rename.from(), rename.to());
			done.add(rename.from() + " => " + rename.to());
		}
	}

	private static String names(List<MigrationFileName> files) {
		return files.stream().map(MigrationFileName::name).collect(Collectors.joining(", "));
	}

}
