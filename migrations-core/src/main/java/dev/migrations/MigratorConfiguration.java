package dev.migrations;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The options a {@link Migrator} was built with, defaults filled in: what a caller reads
 * to show or compare the configuration in force (the starter's tests compare its property
 * defaults with the builder's).
 *
 * @param format the requested format ({@link MigrationFormat#AUTO} when detected from the
 * names)
 * @param table the version table
 * @param metadataTable the metadata table
 * @param lockTimeout how long to wait for another runner
 * @param tableLockTimeout how long a migration's statement waits for another session's
 * lock, zero for no bound
 * @param connectRetries how often to connect again while the database cannot be reached
 * @param connectRetriesInterval the longest wait between two connection attempts
 * @param outOfOrder what {@code up} does with pending versions below the current one
 * @param validation what {@code up} does with changed or missing applied files
 * @param baselineOnMigrate whether the first {@code up} on a database made without
 * migrations baselines it
 * @param baselineVersion the version such a baseline marks applied, or {@code null}
 * @param backup whether a SQLite database is backed up before migrating
 * @param backupDirectory where the backups go, or {@code null} for beside the database
 * @param backupKeep how many backups are kept
 */
public record MigratorConfiguration(MigrationFormat format, String table, String metadataTable, Duration lockTimeout,
		Duration tableLockTimeout, int connectRetries, Duration connectRetriesInterval, OutOfOrderPolicy outOfOrder,
		ValidationMode validation, boolean baselineOnMigrate, Long baselineVersion, boolean backup,
		Path backupDirectory, int backupKeep) {

}
