package dev.migrations.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The median and range of a set of measurements.
 *
 * @param median the middle value (the mean of the two middle values for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values
 */
public record Stats(double median, double min, double max, int count) {

	/**
	 * Summarizes measurements.
	 * @param values at least one value
	 * @return their median, minimum and maximum
	 */
	public static Stats of(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No measurements to summarize");
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int size = sorted.size();
		double median = (size % 2 == 1) ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
		return new Stats(median, sorted.get(0), sorted.get(size - 1), size);
	}

}
