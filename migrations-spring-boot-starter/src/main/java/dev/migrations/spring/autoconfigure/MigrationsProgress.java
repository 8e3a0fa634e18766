package dev.migrations.spring.autoconfigure;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the startup migrations stand, for the web gate that answers 503 until they finish
 * and for the health contributor.
 */
public final class MigrationsProgress {

	private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WAITING);

	/** The current phase. */
	public Phase phase() {
		return this.phase.get();
	}

	/** Whether the startup migrations are over, one way or another. */
	public boolean isDone() {
		Phase current = phase();
		return current == Phase.FINISHED || current == Phase.FAILED;
	}

	void set(Phase phase) {
		this.phase.set(phase);
	}

	/** The phases of the startup migrations. */
	public enum Phase {

		/** Not started yet. */
		WAITING,

		/** Running. */
		RUNNING,

		/** Finished (or nothing to do). */
		FINISHED,

		/** Failed. */
		FAILED

	}

}
