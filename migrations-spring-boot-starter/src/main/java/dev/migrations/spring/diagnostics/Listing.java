package dev.migrations.spring.diagnostics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Short, readable forms of the lists and durations that failure analyses show. */
final class Listing {

	/**
	 * How many items a list shows before it says how many more there are; long lists bury
	 * the action.
	 */
	private static final int SHOWN = 10;

	private Listing() {
	}

	static String versions(List<Long> versions) {
		return items(versions.stream().map(String::valueOf).toList());
	}

	static String items(List<String> items) {
		if (items.size() <= SHOWN) {
			return String.join(", ", items);
		}
		return String.join(", ", items.subList(0, SHOWN)) + " (and " + (items.size() - SHOWN) + " more)";
	}

	static String plural(int count, String singular, String plural) {
		return (count == 1) ? singular : plural;
	}

	static String duration(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1_000) {
			return millis + " ms";
		}
		if (millis < 60_000) {
			return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
		}
		long seconds = duration.toSeconds();
		return (seconds % 60 == 0) ? (seconds / 60) + " min" : (seconds / 60) + " min " + (seconds % 60) + " s";
	}

}
