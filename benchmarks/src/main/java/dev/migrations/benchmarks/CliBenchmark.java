package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrations.benchmarks.child.ChildMain;

/**
 * The cli workload: the CPU, user and system, of whole processes that find nothing to do
 * on a database that holds the run's migrations (100, or a quick run's smallest N:
 * {@code status}, {@code version} and {@code up}), as CI jobs, init containers and
 * developers run them all day: {@code migrate.jar} as {@code java -jar}, its launcher
 * ({@code migrate}: the build's class-data archive, the client compiler, the serial
 * collector), and the sample app's {@code migrate} entry, which reads the application's
 * configuration; beside the JVM floor, a main in the benchmarks jar that opens the same
 * connection and reads the version, and goose's own figure, which is documented, not
 * measured (goose cannot be built here).
 */
final class CliBenchmark {

	/**
	 * goose v3's {@code status} on a 5-migration SQLite database, user + system, measured
	 * with the real goose binary as whole processes when the targets were set.
	 */
	static final double GOOSE_STATUS_CPU_SECONDS = 0.03;

	/** The commands measured. */
	static final List<String> COMMANDS = List.of("status", "version", "up");

	private final Path java;

	private final Path benchmarksJar;

	private final Path migrateJar;

	private final List<String> sampleCommands;

	private final Path sampleAppJar;

	private final ProcessCpu processes;

	private final Report report;

	private final Progress progress;

	private final Rounds rounds;

	/**
	 * Creates the workload.
	 * @param sampleCommands the commands the sample app's entry runs: all of them, or
	 * only {@code status} in a quick run, where each costs seconds
	 */
	CliBenchmark(Path java, Path benchmarksJar, Path migrateJar, List<String> sampleCommands, Path sampleAppJar,
			ProcessCpu processes, Report report, Progress progress, Rounds rounds) {
		this.java = java;
		this.benchmarksJar = benchmarksJar;
		this.migrateJar = migrateJar;
		this.sampleCommands = sampleCommands;
		this.sampleAppJar = sampleAppJar;
		this.processes = processes;
		this.report = report;
		this.progress = progress;
		this.rounds = rounds;
	}

	/** One way of running a command, and the CPU seconds each command took. */
	private record Variant(String name, String key, Map<String, List<Double>> cpu) {

		Variant(String name, String key) {
			this(name, key, new LinkedHashMap<>());
		}

		void add(String command, double seconds) {
			this.cpu.computeIfAbsent(command, (any) -> new ArrayList<>()).add(seconds);
		}

		Stats stats(String command) {
			return Stats.of(this.cpu.get(command));
		}

	}

	/**
	 * Runs the workload.
	 * @param server the database server
	 * @param files the migrations
	 * @param migrated a database this engine already migrated with them (from the apply
	 * workload), which stays the caller's, or null for one of its own, migrated untimed
	 * with {@code migrate up} and dropped afterwards
	 */
	void run(DatabaseServer server, MigrationFileSet files, ScratchDatabase migrated) {
		String kind = server.kind().key();
		Path launcher = this.migrateJar.resolveSibling("migrate");
		Variant floor = new Variant("JVM floor: java -cp, open the connection, read the version", "floor");
		Variant jar = new Variant("java -jar migrate.jar", "jar");
		Variant fast = new Variant("migrate (the launcher: class-data archive, client compiler, serial GC)",
				"launcher");
		Variant sample = new Variant("java -jar sample-app.jar migrate", "sample");
		ScratchDatabase own = (migrated != null) ? null : server.create("cli");
		try {
			ScratchDatabase database = (migrated != null) ? migrated : own;
			if (own != null) {
				this.progress.step("cli " + kind + ": migrate up " + files.count() + " migrations, untimed");
				this.processes.run("migrate up",
						command(List.of("-jar", this.migrateJar.toString()), "up", database, files), Map.of());
			}
			else {
				this.progress.step("cli " + kind + ": on the apply workload's database, which holds the "
						+ files.count() + " migrations");
			}
			AppliedCheck.verify(Tool.OURS, database, files.count());
			for (int round = 0; round < this.rounds.total(); round++) {
				this.progress.step("cli " + kind + " (" + this.rounds.label(round) + ")");
				boolean measured = this.rounds.isMeasured(round);
				double floorCpu = this.processes
					.run("the JVM floor",
							List.of(this.java.toString(), "-cp", this.benchmarksJar.toString(),
									ChildMain.class.getName(), "version"),
							Map.of(ChildMain.URL_VARIABLE, database.url()))
					.cpuSeconds();
				for (String command : COMMANDS) {
					double jarCpu = this.processes.run("java -jar migrate.jar " + command,
							command(List.of("-jar", this.migrateJar.toString()), command, database, files), Map.of())
						.cpuSeconds();
					double fastCpu = this.processes
						.run("migrate " + command, launcherCommand(launcher, command, database, files),
								Map.of("JAVA", this.java.toString()))
						.cpuSeconds();
					boolean sampled = this.sampleAppJar != null && this.sampleCommands.contains(command);
					double sampleCpu = sampled ? this.processes
						.run("java -jar sample-app.jar migrate " + command,
								command(List.of("-jar", this.sampleAppJar.toString(), "migrate"), command, database,
										files),
								Map.of())
						.cpuSeconds() : Double.NaN;
					if (measured) {
						floor.add(command, floorCpu);
						jar.add(command, jarCpu);
						fast.add(command, fastCpu);
						if (sampled) {
							sample.add(command, sampleCpu);
						}
					}
				}
			}
		}
		finally {
			if (own != null) {
				own.close();
			}
		}
		report(kind, files.count(), floor, jar, fast, sample);
	}

	private List<String> command(List<String> launch, String command, ScratchDatabase database,
			MigrationFileSet files) {
		List<String> line = new ArrayList<>();
		line.add(this.java.toString());
		line.addAll(launch);
		line.addAll(List.of(command, "--db", database.url(), "--dir", files.goose().toString()));
		return line;
	}

	private static List<String> launcherCommand(Path launcher, String command, ScratchDatabase database,
			MigrationFileSet files) {
		return List.of("sh", launcher.toString(), command, "--db", database.url(), "--dir", files.goose().toString());
	}

	private void report(String kind, int applied, Variant floor, Variant jar, Variant fast, Variant sample) {
		Table table = new Table(
				"cli, " + kind + ", nothing to do on " + applied + " applied migrations (" + this.rounds.describe()
						+ "; CPU seconds, user + system, of the whole process: median, min–max)",
				"how", "status", "version", "up");
		List<Variant> variants = new ArrayList<>(List.of(floor, jar, fast));
		if (!sample.cpu().isEmpty()) {
			variants.add(sample);
		}
		for (Variant variant : variants) {
			List<String> cells = new ArrayList<>(List.of(variant.name()));
			for (String command : COMMANDS) {
				if (!variant.cpu().containsKey(command)) {
					cells.add("");
					continue;
				}
				Stats stats = variant.stats(command);
				cells.add(seconds(stats.median()) + " (" + seconds(stats.min()) + "–" + seconds(stats.max()) + ")");
			}
			table.row(cells.toArray(String[]::new));
		}
		table.row("goose v3 (documented, status only)", seconds(GOOSE_STATUS_CPU_SECONDS), "", "");
		this.report.table(table);
		ResultLine result = ResultLine.of(Workload.CLI).with("db", kind);
		double floorCpu = floor.stats("status").median();
		result.with("floor_cpu_s", seconds(floorCpu));
		for (String command : COMMANDS) {
			double jarCpu = jar.stats(command).median();
			double fastCpu = fast.stats(command).median();
			result.with("jar_" + command + "_cpu_s", seconds(jarCpu))
				.with("launcher_" + command + "_cpu_s", seconds(fastCpu));
			if (sample.cpu().containsKey(command)) {
				double sampleCpu = sample.stats(command).median();
				result.with("sample_" + command + "_cpu_s", seconds(sampleCpu))
					.ratio("sample_vs_jar_" + command, sampleCpu, jarCpu);
			}
		}
		double launcherStatus = fast.stats("status").median();
		result.ratio("launcher_status_vs_goose", launcherStatus, GOOSE_STATUS_CPU_SECONDS)
			.ratio("launcher_status_vs_floor", launcherStatus, floorCpu);
		this.report.result(result);
	}

	private static String seconds(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
