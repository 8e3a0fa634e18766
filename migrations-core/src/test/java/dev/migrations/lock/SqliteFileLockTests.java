package dev.migrations.lock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.LockTimeoutException;
import dev.migrations.MigrationConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SQLite migration lock within one JVM: waiting, timing out, interruption and
 * cleanup.
 */
class SqliteFileLockTests {

	@TempDir
	Path directory;

	@Test
	void lockFileSitsNextToTheDatabaseAndHoldsTheHolderWhileLocked() throws Exception {
		SqliteFileLock lock = new SqliteFileLock(this.directory.resolve("app.db"));

		assertThat(lock.lockFile()).isEqualTo(this.directory.resolve("app.db.migrate-lock").toAbsolutePath());
		try (DatabaseLock.Lease lease = lock.acquire(Duration.ZERO)) {
			assertThat(Files.readString(lock.lockFile())).startsWith("pid " + ProcessHandle.current().pid());
		}
		assertThat(Files.readString(lock.lockFile())).isEmpty();
		assertThat(lock).hasToString("migration lock file " + lock.lockFile());
	}

	@Test
	void secondRunnerWaitsUntilTheFirstReleases() throws Exception {
		SqliteFileLock lock = new SqliteFileLock(this.directory.resolve("app.db"));
		DatabaseLock.Lease first = lock.acquire(Duration.ZERO);
		CountDownLatch waiting = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread second = new Thread(() -> {
			waiting.countDown();
			try (DatabaseLock.Lease lease = lock.acquire(Duration.ofSeconds(10))) {
				assertThat(Files.readString(lock.lockFile())).startsWith("pid ");
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		});
		second.start();
		waiting.await();
		Thread.sleep(200);
		first.close();
		second.join(10_000);

		assertThat(second.isAlive()).isFalse();
		assertThat(failure.get()).isNull();
	}

	@Test
	void interruptedWaiterGivesUpAndKeepsItsInterruptFlag() throws Exception {
		SqliteFileLock lock = new SqliteFileLock(this.directory.resolve("app.db"));
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
		try (DatabaseLock.Lease held = lock.acquire(Duration.ZERO)) {
			Thread waiter = new Thread(() -> {
				try {
					lock.acquire(Duration.ofMinutes(1)).close();
				}
				catch (Throwable ex) {
					failure.set(ex);
					stillInterrupted.set(Thread.currentThread().isInterrupted());
				}
			});
			waiter.start();
			Thread.sleep(200);
			waiter.interrupt();
			waiter.join(10_000);
		}

		assertThat(failure.get()).isInstanceOf(LockTimeoutException.class);
		assertThat(((LockTimeoutException) failure.get()).holder()).contains("pid " + ProcessHandle.current().pid());
		assertThat(stillInterrupted.get()).isTrue();
	}

	@Test
	void unwritableLocationIsAClearError() {
		SqliteFileLock lock = new SqliteFileLock(this.directory.resolve("missing-directory/app.db"));

		assertThatExceptionOfType(MigrationConfigurationException.class).isThrownBy(() -> lock.acquire(Duration.ZERO))
			.withMessageContaining("Cannot create the migration lock file")
			.withMessageContaining("missing-directory");
	}

	@Test
	void noLockIsAlwaysFree() {
		try (DatabaseLock.Lease first = DatabaseLock.NONE.acquire(Duration.ZERO);
				DatabaseLock.Lease second = DatabaseLock.NONE.acquire(Duration.ZERO)) {
			assertThat(DatabaseLock.NONE).hasToString("no lock");
		}
	}

}
