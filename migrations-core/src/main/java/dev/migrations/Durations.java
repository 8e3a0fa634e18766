package dev.migrations;

import java.time.Duration;

/** Formats durations the way the engine prints them. */
final class Durations {

	private Durations() {
	}

	static String format(Duration duration) {
		long micros = duration.toNanos() / 1_000;
		if (micros < 1_000) {
			return micros + " µs";
		}
		long millis = duration.toMillis();
		if (millis < 10_000) {
			return millis + " ms";
		}
		return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
	}

}
