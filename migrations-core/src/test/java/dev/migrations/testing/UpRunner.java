package dev.migrations.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.migrations.MigrateResult;
import dev.migrations.Migrator;
import dev.migrations.lock.DatabaseLock;
import dev.migrations.lock.SqliteFileLock;

/**
 * A separate JVM for the multi-process tests. {@code up URL DIR START} waits for the
 * start instant, in milliseconds since the epoch (so that all processes begin together),
 * and runs {@code up}, printing how many migrations it ran;
 * {@code hold-sqlite-lock FILE MILLIS} holds the SQLite migration lock for a while.
 */
public final class UpRunner {

	private UpRunner() {
	}

	public static void main(String[] args) throws Exception {
		if (args[0].equals("hold-sqlite-lock")) {
			try (DatabaseLock.Lease lease = new SqliteFileLock(java.nio.file.Path.of(args[1]))
				.acquire(Duration.ofSeconds(10))) {
				System.out.println("locked");
				System.out.flush();
				Thread.sleep(Long.parseLong(args[2]));
			}
			return;
		}
		Migrator migrator = Migrator.builder()
			.dataSource(new TestDataSource(args[1]))
			.locations(args[2])
			.environment(Map.of())
			.lockTimeout(Duration.ofMinutes(2))
			.build();
		long wait = Instant.ofEpochMilli(Long.parseLong(args[3])).toEpochMilli() - System.currentTimeMillis();
		if (wait > 0) {
			Thread.sleep(wait);
		}
		MigrateResult result = migrator.up();
		System.out.println("ran " + result.migrations().size() + " now at " + result.finalVersion());
	}

}
