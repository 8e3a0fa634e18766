package dev.migrations.testing;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;

/**
 * Another session's open transaction, which a test lets go of on another thread while a
 * migration waits for it.
 */
public final class LockHolder {

	private LockHolder() {
	}

	/** A wait that sleeps, and may be interrupted. */
	@FunctionalInterface
	public interface Wait {

		void run() throws InterruptedException;

	}

	/**
	 * Rolls the holder's transaction back and closes it once {@code until} returns, on
	 * another thread.
	 * @param holder the connection holding the lock, in a transaction
	 * @param until what to wait for first
	 * @return done once the holder is closed
	 */
	public static CompletableFuture<Void> letGo(Connection holder, Wait until) {
		return CompletableFuture.runAsync(() -> {
			try (holder) {
				until.run();
				holder.rollback();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
