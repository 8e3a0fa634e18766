package dev.migrations.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The measured rounds of each tool, warm-up excluded. */
final class ToolTimes {

	private final Map<Tool, List<Measurement>> measurements = new EnumMap<>(Tool.class);

	void add(Tool tool, Measurement measurement) {
		this.measurements.computeIfAbsent(tool, key -> new ArrayList<>()).add(measurement);
	}

	Stats inProcess(Tool tool) {
		return Stats.of(get(tool).stream().map(Measurement::inProcessMs).toList());
	}

	Stats wall(Tool tool) {
		return Stats.of(get(tool).stream().map(Measurement::wallMs).toList());
	}

	private List<Measurement> get(Tool tool) {
		List<Measurement> list = this.measurements.get(tool);
		if (list == null) {
			throw new BenchmarkException("No measurements of " + tool.key());
		}
		return list;
	}

	/**
	 * A table row per tool, then the RESULT line with the ratios of this engine to Flyway
	 * and to plain JDBC.
	 */
	void report(Report report, Workload workload, DatabaseKind database, int count, Rounds rounds) {
		Table table = Table.timings(workload.key() + ", " + database.key() + ", N=" + count + " (" + rounds.describe()
				+ "; each run a fresh JVM)");
		ResultLine result = ResultLine.of(workload).with("db", database.key()).with("n", count);
		for (Tool tool : Tool.values()) {
			table.timing(tool.key(), inProcess(tool), wall(tool));
			result.millis(tool.key() + "_ms", inProcess(tool).median());
		}
		double ours = inProcess(Tool.OURS).median();
		result.ratio("ours_vs_flyway", ours, inProcess(Tool.FLYWAY).median());
		result.ratio("ours_vs_raw", ours, inProcess(Tool.RAW).median());
		report.table(table);
		report.result(result);
	}

}
