package dev.migrations.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.migrations.MigrationListener;
import dev.migrations.OutOfOrderPolicy;
import dev.migrations.ValidationMode;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.dialect.TableName;

/**
 * Everything a built {@link dev.migrations.Migrator} runs with, checked by its builder.
 *
 * @param dataSource where to connect
 * @param catalog the migrations
 * @param table the version table
 * @param metadataTable our metadata table
 * @param lockTimeout how long to wait for other runners
 * @param outOfOrder what {@code up} does with pending versions below the current one
 * @param validation what {@code up} does when applied files changed or are gone
 * @param baselineVersion the version to baseline at on the first {@code up} of a database
 * without a version table, or {@code null} to refuse such a database
 * @param backup where and how many SQLite backups to keep, or {@code null} for none
 * @param connectRetries how often to try connecting again when the database cannot be
 * reached
 * @param tableLockTimeout how long a statement of a transactional migration waits for a
 * lock, or {@code null} for as long as the database lets it
 * @param listeners hear about progress, in order
 */
public record Settings(DataSource dataSource, MigrationCatalog catalog, TableName table, TableName metadataTable,
		Duration lockTimeout, OutOfOrderPolicy outOfOrder, ValidationMode validation, Long baselineVersion,
		Backup backup, ConnectRetries connectRetries, Duration tableLockTimeout, List<MigrationListener> listeners) {

	public Settings {
		listeners = List.copyOf(listeners);
	}

	/**
	 * SQLite backups before migrating.
	 *
	 * @param directory where to write them, or {@code null} for the database's own
	 * directory
	 * @param keep how many to keep
	 */
	public record Backup(Path directory, int keep) {
	}

	/**
	 * Connecting again when the database cannot be reached, waiting 1 s, then twice as
	 * long each time up to a limit.
	 *
	 * @param retries how many times to try again; 0 for none
	 * @param maxInterval the longest wait between two tries
	 */
	public record ConnectRetries(int retries, Duration maxInterval) {

		/** No retries. */
		public static final ConnectRetries NONE = new ConnectRetries(0, Duration.ofSeconds(1));

	}

}
