package dev.migrations.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A titled markdown table, readable on a terminal and pasteable into the README. */
public final class Table {

	private final String title;

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	/**
	 * Starts a table.
	 * @param title its heading
	 * @param header the column names
	 */
	public Table(String title, String... header) {
		this.title = title;
		this.header = List.of(header);
	}

	/** The usual columns of a timed workload. */
	public static Table timings(String title) {
		return new Table(title, "tool", "median ms", "min–max ms", "median whole-process ms");
	}

	/** Adds a row of cells. */
	public Table row(String... cells) {
		if (cells.length != this.header.size()) {
			throw new IllegalArgumentException(
					"A row of " + cells.length + " cells in a table of " + this.header.size());
		}
		this.rows.add(List.of(cells));
		return this;
	}

	/** Adds the row of one tool's in-process and whole-process times. */
	public Table timing(String name, Stats inProcess, Stats wall) {
		return row(name, millis(inProcess.median()), millis(inProcess.min()) + "–" + millis(inProcess.max()),
				millis(wall.median()));
	}

	/** Milliseconds to a tenth. */
	public static String millis(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** The table as markdown lines, its title first. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("### " + this.title);
		lines.add("");
		lines.add("| " + String.join(" | ", this.header) + " |");
		StringBuilder rule = new StringBuilder("|---|");
		rule.append("---:|".repeat(this.header.size() - 1));
		lines.add(rule.toString());
		for (List<String> row : this.rows) {
			lines.add("| " + String.join(" | ", row) + " |");
		}
		return lines;
	}

}
