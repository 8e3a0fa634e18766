package dev.migrations.lock;

import java.time.Duration;

/**
 * Polling with a growing pause, bounded by a deadline. Polling (instead of blocking)
 * keeps waiters cancellable.
 */
final class Backoff {

	private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(20).toNanos();

	private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(500).toNanos();

	private final long start = System.nanoTime();

	private final long timeoutNanos;

	private long pauseNanos = FIRST_PAUSE_NANOS;

	Backoff(Duration timeout) {
		this.timeoutNanos = timeout.toNanos();
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.start);
	}

	Duration remaining() {
		return Duration.ofNanos(Math.max(0, this.timeoutNanos - (System.nanoTime() - this.start)));
	}

	/**
	 * Pauses before the next attempt.
	 * @return {@code false} when the deadline has passed (or the thread was interrupted)
	 * and the caller should give up
	 */
	boolean pause() {
		long remaining = this.timeoutNanos - (System.nanoTime() - this.start);
		if (remaining <= 0) {
			return false;
		}
		try {
			Thread.sleep(Duration.ofNanos(Math.min(this.pauseNanos, remaining)).toMillis() + 1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		this.pauseNanos = Math.min(this.pauseNanos * 2, LONGEST_PAUSE_NANOS);
		return true;
	}

}
