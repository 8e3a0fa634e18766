package dev.migrations.lock;

import java.time.Duration;

/**
 * Keeps concurrent runners apart: whoever holds it migrates, the others wait (up to a
 * timeout) and then find nothing left to do. Held for one command, released with
 * try-with-resources.
 */
public interface DatabaseLock {

	/** A lock for databases only one connection can reach (SQLite in memory). */
	DatabaseLock NONE = new DatabaseLock() {

		@Override
		public Lease acquire(Duration timeout) {
			return () -> {
			};
		}

		@Override
		public String toString() {
			return "no lock";
		}

	};

	/**
	 * Waits for the lock.
	 * @param timeout how long to wait at most
	 * @return the held lock, to close when done
	 * @throws dev.migrations.LockTimeoutException when another runner held it for longer
	 * than {@code timeout}
	 */
	Lease acquire(Duration timeout);

	/** A held lock. */
	interface Lease extends AutoCloseable {

		/** Releases the lock. */
		@Override
		void close();

	}

}
