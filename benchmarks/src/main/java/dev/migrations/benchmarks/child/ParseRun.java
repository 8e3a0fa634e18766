package dev.migrations.benchmarks.child;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrations.MigrationPlan;
import dev.migrations.Migrator;
import dev.migrations.Operation;
import dev.migrations.parser.GooseParser;
import dev.migrations.parser.GooseScript;

/**
 * This engine's parse workload, in a child process of its own: the goose parser's
 * throughput over files already in memory, then the peak heap of building a
 * {@link Migrator} over the same directory and planning {@code up}.
 */
final class ParseRun {

	private ParseRun() {
	}

	/**
	 * Measures and prints {@code PARSE files=… statements=… ms=…} and
	 * {@code PLAN migrations=… ms=… peak_heap_bytes=… retained_heap_bytes=…}.
	 * @param files the goose directory
	 * @param url a fresh SQLite database for the plan
	 * @throws IOException when the files cannot be read
	 */
	static void run(Path files, String url) throws IOException {
		List<Path> paths;
		try (Stream<Path> listing = Files.list(files)) {
			paths = listing.sorted().toList();
		}
		List<String> texts = new ArrayList<>(paths.size());
		for (Path path : paths) {
			texts.add(Files.readString(path, StandardCharsets.UTF_8));
		}
		long statements = 0;
		long start = System.nanoTime();
		for (int i = 0; i < texts.size(); i++) {
			GooseScript script = GooseParser.parse(paths.get(i).getFileName().toString(), texts.get(i), Map.of());
			if (!script.up().isValid() || !script.down().isValid()) {
				throw new IllegalStateException("The generated file " + paths.get(i).getFileName() + " does not parse");
			}
			statements += script.up().statements().size() + script.down().statements().size();
		}
		double parseMs = (System.nanoTime() - start) / 1e6;
		System.out.printf(Locale.ROOT, "PARSE files=%d statements=%d ms=%.3f%n", texts.size(), statements, parseMs);
		texts = null;
		plan(files, url);
	}

	private static void plan(Path files, String url) {
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.toList();
		System.gc();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();
		Migrator migrator = Migrator.builder()
			.dataSource(DataSources.forUrl(url))
			.locations("filesystem:" + files)
			.build();
		MigrationPlan plan = migrator.plan(Operation.up());
		double planMs = (System.nanoTime() - start) / 1e6;
		long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
		System.gc();
		long retained = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
		System.out.printf(Locale.ROOT, "PLAN migrations=%d ms=%.3f peak_heap_bytes=%d retained_heap_bytes=%d%n",
				plan.migrations().size(), planMs, peak, retained);
		if (migrator.migrations().size() != plan.migrations().size()) {
			throw new IllegalStateException(
					"Planned " + plan.migrations().size() + " of " + migrator.migrations().size() + " migrations");
		}
	}

}
