package dev.migrations.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.BackupException;

/**
 * SQLite backups before migrating: a consistent copy ({@code VACUUM INTO}) named
 * {@code <database>.<UTC time>.bak}, written before the first pending migration runs, keeping the newest N.
 */
final class Backups {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrations");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

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
		String prefix = file.getFileName() + ".";
		Path target = directory.resolve(prefix + STAMP.format(Instant.now()) + ".bak");
		try {
			session.dialect().backup(session.connection(), target);
		}
		catch (SQLException ex) {
			throw new BackupException(target, "Cannot back up the database to " + target + " before migrating: "
					+ StepExecutor.oneLine(ex.getMessage()) + ". Nothing was migrated.", ex);
		}
		logger.info("Backed up {} to {}", file, target);
		prune(directory, prefix, settings.keep());
	}

	private static void prune(Path directory, String prefix, int keep) {
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> backups = files.filter((path) -> {
				String name = path.getFileName().toString();
				return name.startsWith(prefix) && name.endsWith(".bak");
			}).sorted().toList();
			for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
				Files.deleteIfExists(old);
				logger.info("Removed the old backup {}", old);
			}
		}
		catch (IOException ex) {
			logger.warn("Could not remove old backups from {}: {}", directory, ex.toString());
		}
	}

}
