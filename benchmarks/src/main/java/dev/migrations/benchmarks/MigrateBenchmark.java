package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The apply and noop workloads: every tool's migrate call in a fresh JVM, the tools
 * interleaved round by round, and every run checked for what it applied.
 */
final class MigrateBenchmark {

	private final ChildLauncher launcher;

	private final Report report;

	private final Progress progress;

	private final Rounds rounds;

	MigrateBenchmark(ChildLauncher launcher, Report report, Progress progress, Rounds rounds) {
		this.launcher = launcher;
		this.report = report;
		this.progress = progress;
		this.rounds = rounds;
	}

	/**
	 * Applies N migrations to a fresh database per tool and round, and reports the times.
	 * @return each tool's database from the last round, migrated, for the noop workload;
	 * the caller closes them
	 */
	Map<Tool, ScratchDatabase> apply(DatabaseServer server, MigrationFileSet files) {
		ToolTimes times = new ToolTimes();
		Map<Tool, ScratchDatabase> last = new EnumMap<>(Tool.class);
		try {
			for (int round = 0; round < this.rounds.total(); round++) {
				for (Tool tool : Tool.values()) {
					ScratchDatabase database = server.create(tool.key() + "_apply");
					ScratchDatabase previous = last.put(tool, database);
					if (previous != null) {
						previous.close();
					}
					Measurement measurement = migrate(Workload.APPLY, tool, database, files, this.rounds.label(round));
					if (this.rounds.isMeasured(round)) {
						times.add(tool, measurement);
					}
				}
			}
		}
		catch (RuntimeException ex) {
			closeAll(last);
			throw ex;
		}
		times.report(this.report, Workload.APPLY, server.kind(), files.count(), this.rounds);
		return last;
	}

	/**
	 * Migrates databases that already hold the N migrations again, and reports the times:
	 * the cost of finding nothing to do. They hold the same migrations afterwards.
	 * @param migrated each tool's migrated database, which the caller still owns and
	 * closes; a tool without one gets a fresh database, migrated untimed and closed here
	 */
	void noop(DatabaseServer server, MigrationFileSet files, Map<Tool, ScratchDatabase> migrated) {
		Map<Tool, ScratchDatabase> databases = new EnumMap<>(Tool.class);
		databases.putAll(migrated);
		Map<Tool, ScratchDatabase> created = new EnumMap<>(Tool.class);
		try {
			for (Tool tool : Tool.values()) {
				if (!databases.containsKey(tool)) {
					ScratchDatabase database = server.create(tool.key() + "_noop");
					databases.put(tool, database);
					created.put(tool, database);
					migrate(Workload.APPLY, tool, database, files, "untimed");
				}
			}
			ToolTimes times = new ToolTimes();
			for (int round = 0; round < this.rounds.total(); round++) {
				for (Tool tool : Tool.values()) {
					Measurement measurement = migrate(Workload.NOOP, tool, databases.get(tool), files,
							this.rounds.label(round));
					if (this.rounds.isMeasured(round)) {
						times.add(tool, measurement);
					}
				}
			}
			times.report(this.report, Workload.NOOP, server.kind(), files.count(), this.rounds);
		}
		finally {
			closeAll(created);
		}
	}

	private Measurement migrate(Workload workload, Tool tool, ScratchDatabase database, MigrationFileSet files,
			String round) {
		String label = workload.key() + " " + database.kind().key() + " N=" + files.count() + " " + tool.key() + " ("
				+ round + ")";
		this.progress.step(label);
		Measurement measurement = this.launcher
			.run(label, database.url(),
					List.of("migrate", tool.key(), filesOf(tool, files).toString(), Integer.toString(files.count())))
			.measurement();
		AppliedCheck.verify(tool, database, files.count());
		return measurement;
	}

	private static Path filesOf(Tool tool, MigrationFileSet files) {
		return switch (tool) {
			case OURS -> files.goose();
			case FLYWAY -> files.flyway();
			case LIQUIBASE -> files.liquibase();
			case RAW -> files.root();
		};
	}

	private static void closeAll(Map<Tool, ScratchDatabase> databases) {
		for (ScratchDatabase database : databases.values()) {
			database.close();
		}
	}

}
