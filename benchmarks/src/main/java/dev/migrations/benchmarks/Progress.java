package dev.migrations.benchmarks;

import java.io.PrintStream;

/**
 * One line per step on stderr, so that a long run shows where it is without mixing into
 * the results.
 */
final class Progress {

	private final PrintStream err;

	private final long start = System.nanoTime();

	Progress(PrintStream err) {
		this.err = err;
	}

	void step(String what) {
		long seconds = (System.nanoTime() - this.start) / 1_000_000_000L;
		this.err.printf("[%4ds] %s%n", seconds, what);
	}

}
