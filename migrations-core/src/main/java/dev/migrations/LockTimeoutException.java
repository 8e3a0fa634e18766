package dev.migrations;

import java.time.Duration;

/**
 * Another runner held the migration lock for longer than the configured lock timeout.
 * Nothing was changed.
 */
public final class LockTimeoutException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final Duration waited;

	private final String holder;

	/**
	 * Creates the exception.
	 * @param lock what was locked, for the message
	 * @param waited how long this runner waited
	 * @param holder a description of the holder, or {@code null} when unknown
	 */
	public LockTimeoutException(String lock, Duration waited, String holder) {
		super("Timed out after " + waited.toMillis() + " ms waiting for the migration lock on " + lock + " (held by "
				+ ((holder != null) ? holder : "an unknown holder")
				+ "). Nothing was changed; raise lockTimeout if migrations legitimately take longer.");
		this.waited = waited;
		this.holder = holder;
	}

	/** How long this runner waited. */
	public Duration waited() {
		return this.waited;
	}

	/**
	 * Who held the lock (process, host, since when), or {@code null} when it could not be
	 * found out.
	 */
	public String holder() {
		return this.holder;
	}

}
