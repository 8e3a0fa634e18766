package dev.migrations;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@code verify}: every migration's Down undid its Up, and everything was
 * applied again.
 *
 * @param versions the verified versions, in version order
 * @param duration how long it took, every Up, Down and schema comparison included
 */
public record VerifyResult(List<Long> versions, Duration duration) {

	public VerifyResult {
		versions = List.copyOf(versions);
	}

	/** How many migrations were verified. */
	public int count() {
		return this.versions.size();
	}

}
