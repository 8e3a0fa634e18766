package dev.migrations.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.Redaction;

/**
 * The startup workload: the sample app's time to ready on a database whose migrations are
 * already applied, with the starter enabled and disabled, alternating, so that the
 * difference is what a user pays on every start.
 */
final class StartupBenchmark {

	private final SampleApp app;

	private final Report report;

	private final Progress progress;

	private final Rounds rounds;

	StartupBenchmark(SampleApp app, Report report, Progress progress, Rounds rounds) {
		this.app = app;
		this.report = report;
		this.progress = progress;
		this.rounds = rounds;
	}

	void run(DatabaseServer server) {
		List<Measurement> enabled = new ArrayList<>();
		List<Measurement> disabled = new ArrayList<>();
		try (ScratchDatabase database = server.create("startup")) {
			this.progress.step("startup " + server.kind().key() + ": migrate up, untimed");
			this.app.migrate(database);
			requireMigrated(database);
			for (int round = 0; round < this.rounds.total(); round++) {
				String label = " (" + this.rounds.label(round) + ")";
				this.progress.step("startup " + server.kind().key() + " enabled" + label);
				Measurement on = this.app.timeToReady(database, true);
				this.progress.step("startup " + server.kind().key() + " disabled" + label);
				Measurement off = this.app.timeToReady(database, false);
				if (this.rounds.isMeasured(round)) {
					enabled.add(on);
					disabled.add(off);
				}
			}
		}
		report(server.kind(), enabled, disabled);
	}

	private void report(DatabaseKind kind, List<Measurement> enabled, List<Measurement> disabled) {
		Stats enabledReady = Stats.of(enabled.stream().map(Measurement::inProcessMs).toList());
		Stats disabledReady = Stats.of(disabled.stream().map(Measurement::inProcessMs).toList());
		Table table = Table
			.timings("startup, " + kind.key() + ", sample app with its migrations applied (" + this.rounds.describe()
					+ " of starts; ms = application.ready.time, whole process = until" + " readiness answers 200)");
		table.timing("starter enabled", enabledReady, Stats.of(enabled.stream().map(Measurement::wallMs).toList()));
		table.timing("--migrations.enabled=false", disabledReady,
				Stats.of(disabled.stream().map(Measurement::wallMs).toList()));
		this.report.table(table);
		this.report.result(ResultLine.of(Workload.STARTUP)
			.with("db", kind.key())
			.millis("enabled_ms", enabledReady.median())
			.millis("disabled_ms", disabledReady.median())
			.millis("overhead_ms", enabledReady.median() - disabledReady.median()));
	}

	private static void requireMigrated(ScratchDatabase database) {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet versions = statement
					.executeQuery("SELECT COUNT(*) FROM goose_db_version WHERE version_id > 0")) {
			versions.next();
			if (versions.getLong(1) == 0) {
				throw new BenchmarkException("The sample app started but applied no migration on " + database.name());
			}
		}
		catch (SQLException ex) {
			throw new BenchmarkException("The sample app started but its version table cannot be read on "
					+ database.name() + ": " + Redaction.credentials(ex.getMessage()), ex);
		}
	}

}
