package dev.migrations.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One machine-readable line per workload, database and N:
 * {@code RESULT workload=apply db=postgres n=1000 ours_ms=… flyway_ms=… ours_vs_flyway=0.31}.
 */
public final class ResultLine {

	private final List<String> fields = new ArrayList<>();

	private ResultLine(String workload) {
		this.fields.add("workload=" + workload);
	}

	/**
	 * Starts a line.
	 * @param workload the workload's name
	 * @return the line
	 */
	public static ResultLine of(Workload workload) {
		return new ResultLine(workload.key());
	}

	/** Adds a word such as {@code db=sqlite}. */
	public ResultLine with(String key, String value) {
		this.fields.add(key + "=" + value);
		return this;
	}

	/** Adds a whole number such as {@code n=1000}. */
	public ResultLine with(String key, long value) {
		return with(key, Long.toString(value));
	}

	/** Adds milliseconds, to a tenth: {@code ours_ms=123.4}. */
	public ResultLine millis(String key, double value) {
		return with(key, String.format(Locale.ROOT, "%.1f", value));
	}

	/** Adds a ratio, to a hundredth: {@code ours_vs_flyway=0.31}. */
	public ResultLine ratio(String key, double numerator, double denominator) {
		return with(key, String.format(Locale.ROOT, "%.2f", numerator / denominator));
	}

	@Override
	public String toString() {
		return "RESULT " + String.join(" ", this.fields);
	}

}
