package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.Redaction;

/**
 * The startup workload: one Spring Boot application (the {@code startup-app} module: a
 * connection pool, this starter and Flyway's) started on a database that already holds
 * the same migrations, with this starter, with Flyway's, or with neither, interleaved
 * round by round. Each variant's time to ready ({@code application.ready.time}) less the
 * one without a migration library is what that library adds to every start.
 */
final class StartupBenchmark {

	private static final Pattern READY = Pattern.compile("READY ms=([0-9.]+)");

	private final Path java;

	private final List<String> jvmOptions;

	private final Path jar;

	private final ChildLauncher children;

	private final ProcessCpu processes;

	private final Report report;

	private final Progress progress;

	private final Rounds rounds;

	/**
	 * Creates the workload.
	 * @param jvmOptions options for the application's JVM, before {@code -jar}, the same
	 * for every variant
	 */
	StartupBenchmark(Path java, List<String> jvmOptions, Path jar, ChildLauncher children, Path scratch, Report report,
			Progress progress, Rounds rounds) {
		this.java = java;
		this.jvmOptions = jvmOptions;
		this.jar = jar;
		this.children = children;
		this.processes = new ProcessCpu(scratch);
		this.report = report;
		this.progress = progress;
		this.rounds = rounds;
	}

	/** A way of starting the application: which library runs, on which database. */
	private enum Variant {

		OURS("this starter", "ours"), FLYWAY("spring-boot-starter-flyway", "flyway"),
		NONE("no migration library", "none");

		private final String label;

		private final String key;

		Variant(String label, String key) {
			this.label = label;
			this.key = key;
		}

		List<String> arguments(MigrationFileSet files) {
			return switch (this) {
				case OURS ->
					List.of("--migrations.locations=filesystem:" + files.goose(), "--spring.flyway.enabled=false");
				case FLYWAY ->
					List.of("--spring.flyway.locations=filesystem:" + files.flyway(), "--migrations.enabled=false");
				case NONE -> List.of("--migrations.enabled=false", "--spring.flyway.enabled=false");
			};
		}

	}

	/**
	 * Runs the workload.
	 * @param server the database server
	 * @param files the migrations
	 * @param migrated this engine's and Flyway's databases that already hold them (from
	 * the apply workload), which stay the caller's; a library without one gets a database
	 * of its own, migrated untimed and dropped afterwards
	 */
	void run(DatabaseServer server, MigrationFileSet files, Map<Tool, ScratchDatabase> migrated) {
		String kind = server.kind().key();
		List<Measurement> ours = new ArrayList<>();
		List<Measurement> flyway = new ArrayList<>();
		List<Measurement> none = new ArrayList<>();
		List<ScratchDatabase> own = new ArrayList<>();
		try {
			ScratchDatabase oursDatabase = database(server, Tool.OURS, files, migrated, own);
			ScratchDatabase flywayDatabase = database(server, Tool.FLYWAY, files, migrated, own);
			AppliedCheck.verify(Tool.OURS, oursDatabase, files.count());
			AppliedCheck.verify(Tool.FLYWAY, flywayDatabase, files.count());
			for (int round = 0; round < this.rounds.total(); round++) {
				this.progress.step("startup " + kind + " (" + this.rounds.label(round) + ")");
				Measurement withOurs = start(Variant.OURS, oursDatabase, files);
				Measurement withFlyway = start(Variant.FLYWAY, flywayDatabase, files);
				Measurement withNone = start(Variant.NONE, oursDatabase, files);
				if (this.rounds.isMeasured(round)) {
					ours.add(withOurs);
					flyway.add(withFlyway);
					none.add(withNone);
				}
			}
		}
		finally {
			own.forEach(ScratchDatabase::close);
		}
		report(kind, files.count(), ours, flyway, none);
	}

	/**
	 * A library's database holding the migrations: the one given, else one of its own,
	 * migrated through the library's own API in a child JVM (the same history tables and
	 * checksums the starters find, for a third of an application's start), untimed.
	 */
	private ScratchDatabase database(DatabaseServer server, Tool tool, MigrationFileSet files,
			Map<Tool, ScratchDatabase> migrated, List<ScratchDatabase> own) {
		ScratchDatabase given = migrated.get(tool);
		String kind = server.kind().key();
		if (given != null) {
			this.progress.step("startup " + kind + ": " + tool.key()
					+ " on the apply workload's database, which holds the " + files.count() + " migrations");
			return given;
		}
		ScratchDatabase database = server.create("startup_" + tool.key());
		own.add(database);
		this.progress.step("startup " + kind + ": " + tool.key() + " applies the " + files.count()
				+ " migrations to its own database, untimed");
		Path location = (tool == Tool.OURS) ? files.goose() : files.flyway();
		this.children.run("startup " + kind + ": apply with " + tool.key(), database.url(),
				List.of("migrate", tool.key(), location.toString(), Integer.toString(files.count())));
		return database;
	}

	private Measurement start(Variant variant, ScratchDatabase database, MigrationFileSet files) {
		List<String> command = new ArrayList<>(List.of(this.java.toString()));
		command.addAll(this.jvmOptions);
		command.addAll(List.of("-jar", this.jar.toString()));
		command.addAll(variant.arguments(files));
		String label = "startup-app, " + variant.label + ", on " + database.name();
		// The URL may carry a password: never on a command line.
		ProcessCpu.Usage run = this.processes.run(label, command, Map.of("SPRING_DATASOURCE_URL", database.url()));
		Matcher ready = READY.matcher(run.output());
		if (!ready.find()) {
			throw new BenchmarkException(
					label + ": exited without being ready:\n" + Redaction.credentials(run.output().strip()));
		}
		return new Measurement(Double.parseDouble(ready.group(1)), run.wallMs());
	}

	private void report(String kind, int count, List<Measurement> ours, List<Measurement> flyway,
			List<Measurement> none) {
		Stats oursReady = ready(ours);
		Stats flywayReady = ready(flyway);
		Stats noneReady = ready(none);
		Table table = new Table(
				"startup, " + kind + ", one Spring Boot application with " + count + " migrations already applied ("
						+ this.rounds.describe() + "; ms = application.ready.time, whole process = until it exits)",
				"migration library", "median ms", "min–max ms", "added to the start", "median whole-process ms");
		for (Variant variant : Variant.values()) {
			List<Measurement> measured = switch (variant) {
				case OURS -> ours;
				case FLYWAY -> flyway;
				case NONE -> none;
			};
			Stats stats = ready(measured);
			table.row(variant.label, Table.millis(stats.median()),
					Table.millis(stats.min()) + "–" + Table.millis(stats.max()),
					(variant == Variant.NONE) ? "" : Table.millis(stats.median() - noneReady.median()),
					Table.millis(Stats.of(measured.stream().map(Measurement::wallMs).toList()).median()));
		}
		this.report.table(table);
		double oursAdded = oursReady.median() - noneReady.median();
		double flywayAdded = flywayReady.median() - noneReady.median();
		this.report.result(ResultLine.of(Workload.STARTUP)
			.with("db", kind)
			.with("n", count)
			.millis("ours_ms", oursReady.median())
			.millis("flyway_ms", flywayReady.median())
			.millis("none_ms", noneReady.median())
			.millis("ours_added_ms", oursAdded)
			.millis("flyway_added_ms", flywayAdded)
			.ratio("ours_added_vs_flyway_added", oursAdded, flywayAdded));
	}

	private static Stats ready(List<Measurement> measurements) {
		return Stats.of(measurements.stream().map(Measurement::inProcessMs).toList());
	}

}
