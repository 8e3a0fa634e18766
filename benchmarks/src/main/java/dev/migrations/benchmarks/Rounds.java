package dev.migrations.benchmarks;

/**
 * How many times each measurement runs: warm-up rounds first, whose times are dropped,
 * then measured rounds.
 *
 * @param warmup rounds run and discarded, zero or more
 * @param measured rounds whose times are reported, at least one
 */
public record Rounds(int warmup, int measured) {

	public Rounds {
		if (warmup < 0 || measured < 1) {
			throw new IllegalArgumentException("Rounds need zero or more warm-ups and at least one measured round");
		}
	}

	/** Every round, warm-ups included. */
	public int total() {
		return this.warmup + this.measured;
	}

	/** Whether the round at an index (from 0, warm-ups first) is measured. */
	public boolean isMeasured(int index) {
		return index >= this.warmup;
	}

	/** The round at an index, for progress lines: {@code warm-up 1}, {@code round 3}. */
	public String label(int index) {
		return isMeasured(index) ? "round " + (index - this.warmup + 1) : "warm-up " + (index + 1);
	}

	/** How the rounds read in a table's title. */
	public String describe() {
		return "median of " + this.measured + " round" + ((this.measured == 1) ? "" : "s") + " after "
				+ ((this.warmup == 0) ? "no warm-up"
						: this.warmup + " warm-up round" + ((this.warmup == 1) ? "" : "s"));
	}

}
