package dev.migrations.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.BackupException;

/**
 * SQLite backups before migrating: a consistent copy ({@code VACUUM INTO}) named
 * {@code <database>.<UTC time>.bak}, written before the first pending migration runs,
 * keeping the newest N of this database (another database's backups in the same
 * directory, {@code app}'s beside {@code app.db}'s, are not counted). A backup is written
 * under a temporary name and renamed once complete, so that one cut short (a full disk, a
 * killed runner) never passes for a backup; such leftovers of this database are removed.
 */
final class Backups {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrations");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String BACKUP = ".bak";

	private static final String PARTIAL = ".partial";

	private Backups() {
	}

	static void create(Session session, Settings.Backup settings) throws SQLException {
		Optional<Path> database = session.dialect().databaseFile(session.connection());
		if (database.isEmpty()) {
			logger.warn("Backups are for SQLite database files; this {} database is not backed up",
					session.dialect().vendor());
			return;
		}
		Path file = database.get().toAbsolutePath();
		Path directory = (settings.directory() != null) ? settings.directory().toAbsolutePath() : file.getParent();
		if (!Files.isDirectory(directory)) {
			throw new BackupException(directory, "Cannot back up the database before migrating: the backup directory "
					+ directory + " does not exist. Create it, or point backupDirectory elsewhere.", null);
		}
		String name = file.getFileName().toString();
		Path target = directory.resolve(name + "." + STAMP.format(Instant.now()) + BACKUP);
		Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
		try {
			session.dialect().backup(session.connection(), partial);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (SQLException | IOException ex) {
			deleteQuietly(partial);
			throw new BackupException(target, "Cannot back up the database to " + target + " before migrating: "
					+ StepExecutor.oneLine(ex.getMessage()) + ". Nothing was migrated.", ex);
		}
		logger.info("Backed up {} to {}", file, target);
		prune(directory, name, settings.keep());
	}

	/**
	 * Removes this database's backups beyond the newest {@code keep}, and its leftovers
	 * of backups cut short.
	 */
	private static void prune(Path directory, String database, int keep) {
		Pattern ours = Pattern.compile(Pattern.quote(database) + "\\.\\d{8}T\\d{9}Z" + Pattern.quote(BACKUP) + "("
				+ Pattern.quote(PARTIAL) + ")?");
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> backups = new ArrayList<>();
			for (Path path : files.toList()) {
				Matcher matcher = ours.matcher(path.getFileName().toString());
				if (!matcher.matches()) {
					continue;
				}
				if (matcher.group(1) != null) {
					Files.deleteIfExists(path);
					logger.info("Removed {}, left by a backup that did not complete", path);
				}
				else {
					backups.add(path);
				}
			}
			backups.sort(null);
			for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
				Files.deleteIfExists(old);
				logger.info("Removed the old backup {}", old);
			}
		}
		catch (IOException ex) {
			logger.warn("Could not remove old backups from {}: {}", directory, ex.toString());
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.debug("Could not remove {}", file, ex);
		}
	}

}
