package dev.migrations.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parse workload, this engine only (Flyway and Liquibase offer no comparable parser
 * API): the goose parser's statements per second, and the peak heap of building a
 * Migrator over N files and planning {@code up} against a fresh SQLite file, in a child
 * JVM with the default heap and again in one limited to 64 MB.
 */
final class ParseBenchmark {

	/** The heap limit the plan must fit in. */
	static final String SMALL_HEAP = "-Xmx64m";

	private static final double MB = 1024.0 * 1024.0;

	private final ChildLauncher launcher;

	private final Report report;

	private final Progress progress;

	private final Rounds rounds;

	private final SqliteFiles sqlite;

	ParseBenchmark(ChildLauncher launcher, Report report, Progress progress, Rounds rounds, SqliteFiles sqlite) {
		this.launcher = launcher;
		this.report = report;
		this.progress = progress;
		this.rounds = rounds;
		this.sqlite = sqlite;
	}

	void run(MigrationFileSet files) {
		List<Double> throughput = new ArrayList<>();
		List<Double> planMs = new ArrayList<>();
		List<Double> peakMb = new ArrayList<>();
		List<Double> retainedMb = new ArrayList<>();
		for (int round = 0; round < this.rounds.total(); round++) {
			ChildOutput output = parse(files, List.of(), this.rounds.label(round));
			if (this.rounds.isMeasured(round)) {
				throughput.add(output.number("PARSE", "statements") / output.number("PARSE", "ms") * 1000.0);
				planMs.add(output.number("PLAN", "ms"));
				peakMb.add(output.number("PLAN", "peak_heap_bytes") / MB);
				retainedMb.add(output.number("PLAN", "retained_heap_bytes") / MB);
			}
		}
		String smallHeap;
		boolean fits;
		try {
			ChildOutput output = parse(files, List.of(SMALL_HEAP), SMALL_HEAP);
			fits = true;
			smallHeap = String.format(Locale.ROOT, "pass (peak %.1f MB, %.1f ms)",
					output.number("PLAN", "peak_heap_bytes") / MB, output.number("PLAN", "ms"));
		}
		catch (BenchmarkException ex) {
			fits = false;
			smallHeap = "fail";
			this.report.note("The plan of " + files.count() + " migrations does not fit in " + SMALL_HEAP + ": "
					+ ex.getMessage());
		}
		Table table = new Table(
				"parse, N=" + files.count() + " goose files, this engine only (Flyway and Liquibase"
						+ " have no comparable parser API; " + this.rounds.describe() + ", one child JVM each)",
				"measure", "median", "min–max");
		row(table, "goose parser, statements/s", Stats.of(throughput), "%.0f");
		row(table, "build Migrator + plan up (SQLite), ms", Stats.of(planMs), "%.1f");
		row(table, "peak heap during build + plan, MB", Stats.of(peakMb), "%.1f");
		row(table, "heap in use after plan and a GC, MB", Stats.of(retainedMb), "%.1f");
		table.row("the same child under " + SMALL_HEAP, smallHeap, "");
		this.report.table(table);
		this.report.result(ResultLine.of(Workload.PARSE)
			.with("n", files.count())
			.with("statements_per_s", Math.round(Stats.of(throughput).median()))
			.with("peak_heap_mb", String.format(Locale.ROOT, "%.1f", Stats.of(peakMb).median()))
			.with("xmx64m", fits ? "pass" : "fail"));
	}

	private ChildOutput parse(MigrationFileSet files, List<String> jvmOptions, String round) {
		String label = "parse N=" + files.count() + " (" + round + ")";
		this.progress.step(label);
		try (ScratchDatabase database = this.sqlite.create("parse")) {
			return this.launcher.run(label, jvmOptions, database.url(), List.of("parse", files.goose().toString()));
		}
	}

	private static void row(Table table, String name, Stats stats, String format) {
		table.row(name, String.format(Locale.ROOT, format, stats.median()),
				String.format(Locale.ROOT, format, stats.min()) + "–"
						+ String.format(Locale.ROOT, format, stats.max()));
	}

}
