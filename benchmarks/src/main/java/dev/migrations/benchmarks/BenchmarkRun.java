package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.Redaction;

/** One run of the selected workloads on the selected databases. */
final class BenchmarkRun {

	/**
	 * The standalone command line's jar, in the project that holds the benchmarks jar.
	 */
	private static final Path MIGRATE_JAR = Path.of("migrations-cli", "target", "migrate.jar");

	/**
	 * The startup workload's application, in the project that holds the benchmarks jar.
	 */
	private static final Path STARTUP_APP = Path.of("startup-app", "target", "startup-app.jar");

	/** How many migrations the startup and cli workloads find applied in a full run. */
	private static final int APPLIED = 100;

	private final Options options;

	private final Path scratch;

	private final Report report;

	private final Progress progress;

	private final Map<Integer, MigrationFileSet> fileSets = new HashMap<>();

	BenchmarkRun(Options options, Path scratch, Report report, Progress progress) {
		this.options = options;
		this.scratch = scratch;
		this.report = report;
		this.progress = progress;
	}

	void run() throws IOException {
		SqliteFiles sqlite = new SqliteFiles(Files.createDirectories(this.scratch.resolve("sqlite")));
		Map<DatabaseKind, DatabaseServer> servers = new EnumMap<>(DatabaseKind.class);
		if (this.options.runs(DatabaseKind.SQLITE)) {
			servers.put(DatabaseKind.SQLITE, sqlite);
		}
		String postgresVersion = "not used";
		if (this.options.runs(DatabaseKind.POSTGRES)) {
			PostgresServer postgres = new PostgresServer(this.options.postgresUrl());
			try {
				postgresVersion = postgres.version();
				servers.put(DatabaseKind.POSTGRES, postgres);
			}
			catch (SQLException ex) {
				String reason = "PostgreSQL does not answer at " + PostgresServer.describe(this.options.postgresUrl())
						+ ": " + Redaction.credentials(ex.getMessage());
				if (this.options.postgresNamed() || "true".equalsIgnoreCase(System.getenv("CI"))) {
					throw new BenchmarkException(reason + (this.options.postgresNamed() ? ""
							: " (CI=true: PostgreSQL must be measured, not skipped)"), ex);
				}
				postgresVersion = "skipped: " + reason;
			}
		}
		this.report.note("## Environment");
		this.report.note("");
		EnvironmentInfo.lines(postgresVersion).forEach(this.report::note);
		this.report.note("- Each measurement is a fresh JVM per tool; in-process ms is taken around the tool's"
				+ " migrate call (building its object and connecting included, loading the JDBC driver not), whole-process ms around the child.");
		if (this.options.quick()) {
			this.report
				.note("- A quick run proves that the workloads work and measures nothing: the startup and cli workloads"
						+ " use the smallest N, and the startup and under-load applications run with the client compiler only.");
		}
		this.report.note("");
		ChildLauncher launcher = ChildLauncher.forThisJvm(this.scratch);
		MigrateBenchmark migrate = new MigrateBenchmark(launcher, this.report, this.progress, this.options.rounds());
		for (DatabaseServer server : servers.values()) {
			Map<Tool, ScratchDatabase> migrated = migrations(migrate, server);
			try {
				if (this.options.runs(Workload.STARTUP)) {
					startup(server, launcher, migrated);
				}
				if (this.options.runs(Workload.CLI)) {
					cli(server, launcher, this.options.quick(), migrated.get(Tool.OURS));
				}
			}
			finally {
				migrated.values().forEach(ScratchDatabase::close);
			}
			if (this.options.runs(Workload.UNDER_LOAD) && server.kind() == DatabaseKind.POSTGRES) {
				underLoad(server);
			}
		}
		if (this.options.runs(Workload.PARSE)) {
			new ParseBenchmark(launcher, this.report, this.progress, this.options.rounds(), sqlite)
				.run(files(this.options.parseSize()));
		}
		if (this.options.out() != null) {
			this.report.writeTo(this.options.out());
		}
	}

	/**
	 * The apply and noop workloads, at every N.
	 * @return this engine's and Flyway's databases from the apply workload at the N the
	 * startup and cli workloads use, when those run too: they hold what those workloads
	 * would otherwise apply again, untimed (the same children, the same files); the
	 * caller closes them. Empty otherwise.
	 */
	private Map<Tool, ScratchDatabase> migrations(MigrateBenchmark migrate, DatabaseServer server) {
		boolean apply = this.options.runs(Workload.APPLY);
		boolean noop = this.options.runs(Workload.NOOP);
		Map<Tool, ScratchDatabase> kept = new EnumMap<>(Tool.class);
		if (!apply && !noop) {
			return kept;
		}
		boolean reused = this.options.runs(Workload.STARTUP) || this.options.runs(Workload.CLI);
		try {
			for (int count : this.options.sizes()) {
				MigrationFileSet files = files(count);
				Map<Tool, ScratchDatabase> migrated = apply ? migrate.apply(server, files) : Map.of();
				try {
					if (noop) {
						migrate.noop(server, files, migrated);
					}
				}
				finally {
					for (Map.Entry<Tool, ScratchDatabase> database : migrated.entrySet()) {
						Tool tool = database.getKey();
						if (reused && count == applied() && !kept.containsKey(tool)
								&& (tool == Tool.OURS || tool == Tool.FLYWAY)) {
							kept.put(tool, database.getValue());
						}
						else {
							database.getValue().close();
						}
					}
				}
			}
		}
		catch (RuntimeException ex) {
			kept.values().forEach(ScratchDatabase::close);
			throw ex;
		}
		return kept;
	}

	private void startup(DatabaseServer server, ChildLauncher launcher, Map<Tool, ScratchDatabase> migrated) {
		Path jar = ProjectJar.find(STARTUP_APP, STARTUP_APP);
		if (jar == null) {
			this.report.note("startup, " + server.kind().key() + ": skipped: " + STARTUP_APP
					+ " is missing (build it with mvn -B -q -pl startup-app -am -DskipTests package)");
			this.report.note("");
			return;
		}
		new StartupBenchmark(Path.of(System.getProperty("java.home"), "bin", "java"), applicationJvmOptions(), jar,
				launcher, this.scratch, this.report, this.progress, this.options.rounds())
			.run(server, files(applied()), migrated);
	}

	private void cli(DatabaseServer server, ChildLauncher launcher, boolean quick, ScratchDatabase migrated) {
		Path migrateJar = ProjectJar.find(MIGRATE_JAR, MIGRATE_JAR);
		if (migrateJar == null || !ProcessCpu.isAvailable()) {
			this.report.note("cli, " + server.kind().key() + ": skipped: "
					+ ((migrateJar == null)
							? MIGRATE_JAR + " is missing (build it with mvn -B -q -pl migrations-cli -am"
									+ " -DskipTests package)"
							: "the CPU of child processes is read from /proc, which this system lacks"));
			this.report.note("");
			return;
		}
		Path sampleApp = ProjectJar.find(this.options.sampleApp(), Options.DEFAULT_SAMPLE_APP);
		new CliBenchmark(Path.of(System.getProperty("java.home"), "bin", "java"), launcher.classpath(), migrateJar,
				(quick ? List.of("status") : CliBenchmark.COMMANDS), sampleApp, new ProcessCpu(this.scratch),
				this.report, this.progress, this.options.rounds())
			.run(server, files(applied()), migrated);
	}

	/**
	 * The under-load workload: the same scenario with this engine's table lock timeout
	 * and without one, side by side.
	 */
	private void underLoad(DatabaseServer server) {
		Path jar = ProjectJar.find(this.options.sampleApp(), Options.DEFAULT_SAMPLE_APP);
		if (jar == null) {
			this.report.note("under-load: skipped: the sample app's jar is not at " + this.options.sampleApp());
			this.report.note("");
			return;
		}
		SampleApp app = new SampleApp(Path.of(System.getProperty("java.home"), "bin", "java"), jar, this.scratch,
				applicationJvmOptions());
		UnderLoad scenario = new UnderLoad(app, this.scratch);
		UnderLoad.Timeline timeline = this.options.quick() ? UnderLoad.Timeline.QUICK : UnderLoad.Timeline.FULL;
		Table table = new Table(
				"under-load, postgres: " + UnderLoad.RATE + " requests/s for " + timeline.load().toSeconds()
						+ " s; a transaction holds tokens for " + timeline.blockerHold().toMillis()
						+ " ms while a migration alters it",
				"table lock timeout", "requests", "failed", "p50 ms", "p99 ms", "max ms", "migration ms");
		ResultLine result = ResultLine.of(Workload.UNDER_LOAD).with("db", "postgres");
		List<Duration> bounds = List.of(timeline.tableLockTimeout(), Duration.ZERO);
		this.progress.step("under-load postgres, table lock timeout " + timeline.tableLockTimeout().toMillis()
				+ " ms, then off, on one application");
		List<UnderLoad.Figures> runs;
		try (ScratchDatabase database = server.create("underload")) {
			runs = scenario.run(database, timeline, bounds);
		}
		for (int i = 0; i < bounds.size(); i++) {
			Duration bound = bounds.get(i);
			UnderLoad.Figures figures = runs.get(i);
			String label = bound.isZero() ? "off" : bound.toMillis() + " ms";
			table.row(label, String.valueOf(figures.requests()), String.valueOf(figures.failures()),
					Table.millis(figures.p50().toNanos() / 1e6), Table.millis(figures.p99().toNanos() / 1e6),
					Table.millis(figures.max().toNanos() / 1e6),
					(figures.migrationError() != null) ? "failed" : Table.millis(figures.migration().toNanos() / 1e6));
			String key = bound.isZero() ? "off" : "bounded";
			result.with(key + "_failed", figures.failures())
				.millis(key + "_p99_ms", figures.p99().toNanos() / 1e6)
				.millis(key + "_max_ms", figures.max().toNanos() / 1e6);
		}
		this.report.table(table);
		this.report.result(result);
	}

	/**
	 * The JVM options of the Spring Boot applications the startup and under-load
	 * workloads start: none in a full run; the client compiler only in a quick run, which
	 * measures nothing and where it takes seconds off every start. The cli workload's
	 * processes always run as users run them.
	 */
	private List<String> applicationJvmOptions() {
		return this.options.quick() ? List.of("-XX:TieredStopAtLevel=1") : List.of();
	}

	/**
	 * How many migrations the startup and cli workloads find applied: {@value #APPLIED}
	 * in a full run, the smallest N in a quick run, whose untimed applying would
	 * otherwise take longer than what it measures. One count for both, so that both can
	 * run on the apply workload's databases.
	 */
	private int applied() {
		return this.options.quick() ? Collections.min(this.options.sizes()) : APPLIED;
	}

	private MigrationFileSet files(int count) {
		return this.fileSets.computeIfAbsent(count, size -> {
			this.progress.step("writing " + size + " migrations in each tool's layout");
			return MigrationFileSet.write(this.scratch.resolve("files-" + size), size);
		});
	}

}
