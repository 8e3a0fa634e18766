package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migrations.MigrationException;
import dev.migrations.Migrator;

/**
 * A migration that alters a table while the sample application serves steady HTTP load
 * and a long transaction holds that table: the way a migration usually takes an
 * application down. A load generator on loopback sends a fixed rate of requests (token
 * checks, which update {@code tokens}, and audit listings, in turn) whatever the answers'
 * latency; a second session reads {@code tokens} in a transaction it keeps open; the
 * migration ({@code ALTER TABLE tokens ADD COLUMN}, a set of its own beside the
 * application's) starts meanwhile. Everything is bounded: the load stops by itself, the
 * blocker lets go by itself, and the run waits for the last answer at most a minute.
 * Nothing computes to be slow: the blocker sleeps.
 */
final class UnderLoad {

	/** Requests per second, token checks and audit listings in turn. */
	static final int RATE = 50;

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	/**
	 * When things happen, from the start of the load.
	 *
	 * @param load how long requests are sent
	 * @param blockerStart when the long transaction opens
	 * @param blockerHold how long it stays open
	 * @param migrationStart when the migration starts
	 * @param tableLockTimeout this engine's table lock timeout for the guarded run
	 */
	record Timeline(Duration load, Duration blockerStart, Duration blockerHold, Duration migrationStart,
			Duration tableLockTimeout) {

		/**
		 * The engine's default bound (4 s); the blocker outlasts two attempts and ends
		 * before the third.
		 */
		static final Timeline FULL = new Timeline(Duration.ofSeconds(18), Duration.ofSeconds(2), Duration.ofSeconds(11),
				Duration.ofSeconds(3), Migrator.DEFAULT_TABLE_LOCK_TIMEOUT);

		/**
		 * Shorter, for the smoke run: the blocker outlasts one attempt (250 ms) and ends
		 * before the second, which starts a second after the first gave up; the load goes
		 * on a moment after it.
		 */
		static final Timeline QUICK = new Timeline(Duration.ofSeconds(2), Duration.ofMillis(300),
				Duration.ofMillis(1200), Duration.ofMillis(500), Duration.ofMillis(250));

	}

	/**
	 * What the clients saw, and what the migration did.
	 *
	 * @param requests requests sent
	 * @param failures requests that got no answer or an answer other than 200
	 * @param p50 the median latency
	 * @param p99 the 99th percentile latency
	 * @param max the longest latency
	 * @param migration how long the migration took, retries included
	 * @param migrationError why the migration failed, or {@code null}
	 */
	record Figures(int requests, int failures, Duration p50, Duration p99, Duration max, Duration migration,
			String migrationError) {

	}

	private final SampleApp app;

	private final Path directory;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	UnderLoad(SampleApp app, Path directory) {
		this.app = app;
		this.directory = directory;
	}

	/**
	 * Runs the scenario once per bound, in turn, on one application started once: each
	 * run's migration is a set of its own (its own version table, its own column), so
	 * that the runs do not see each other. A later run meets a warmer application, which
	 * favours the runs after the first.
	 * @param database an empty PostgreSQL database
	 * @param timeline when things happen, from the start of each run's load
	 * @param tableLockTimeouts the migrations' bounds, zero for none
	 * @return the figures, one per bound, in order
	 */
	List<Figures> run(ScratchDatabase database, Timeline timeline, List<Duration> tableLockTimeouts) {
		try (SampleApp.Running running = this.app.serve(database, "--spring.datasource.hikari.maximum-pool-size=10")) {
			String project = match(ID,
					post(running, "/api/projects", "{\"name\": \"load\", \"api_key\": \"sk-load\"}"));
			String token = match(TOKEN, post(running, "/api/projects/" + project + "/tokens", "{}"));
			List<Figures> figures = new ArrayList<>();
			for (int run = 1; run <= tableLockTimeouts.size(); run++) {
				figures.add(load(running, database, project, token, run, timeline, tableLockTimeouts.get(run - 1)));
			}
			return figures;
		}
	}

	private Figures load(SampleApp.Running running, ScratchDatabase database, String project, String token, int run,
			Timeline timeline, Duration tableLockTimeout) {
		Path migrations = migrations(run);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger failures = new AtomicInteger();
		List<CompletableFuture<?>> answers = Collections.synchronizedList(new ArrayList<>());
		ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
		try {
			long loadStart = System.nanoTime();
			long periodMicros = 1_000_000L / RATE;
			AtomicInteger sent = new AtomicInteger();
			int total = (int) (timeline.load().toMillis() * RATE / 1000);
			clock.scheduleAtFixedRate(() -> {
				int n = sent.getAndIncrement();
				if (n >= total) {
					return;
				}
				HttpRequest request = ((n % 2) == 0)
						? HttpRequest.newBuilder(running.uri("/v1/tokens/check"))
							.timeout(Duration.ofSeconds(60))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + token + "\"}"))
							.build()
						: HttpRequest.newBuilder(running.uri("/api/audit-events?project_id=" + project + "&size=5"))
							.timeout(Duration.ofSeconds(60))
							.GET()
							.build();
				long start = System.nanoTime();
				answers.add(this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
					.whenComplete((response, error) -> {
						latencies.add(System.nanoTime() - start);
						if (error != null || response.statusCode() != 200) {
							failures.incrementAndGet();
						}
					}));
			}, 0, periodMicros, TimeUnit.MICROSECONDS);
			CompletableFuture<Void> blocker = CompletableFuture.runAsync(() -> hold(database, timeline), clock);
			CompletableFuture<Long> migration = CompletableFuture.supplyAsync(() -> {
				sleep(timeline.migrationStart());
				long start = System.nanoTime();
				migrator(database, migrations, run, tableLockTimeout).up();
				return System.nanoTime() - start;
			});
			String migrationError = null;
			long migrationNanos = 0;
			try {
				migrationNanos = migration.get(3, TimeUnit.MINUTES);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				migrationError = (ex.getCause() instanceof MigrationException failure) ? failure.getMessage()
						: String.valueOf(ex.getCause());
			}
			blocker.get(1, TimeUnit.MINUTES);
			long loadLeft = timeline.load().toNanos() - (System.nanoTime() - loadStart);
			sleep(Duration.ofNanos(Math.max(0, loadLeft)).plusMillis(200));
			CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
				.exceptionally((ignored) -> null)
				.get(1, TimeUnit.MINUTES);
			List<Long> sorted = new ArrayList<>(latencies);
			Collections.sort(sorted);
			return new Figures(sorted.size(), failures.get(), percentile(sorted, 0.50), percentile(sorted, 0.99),
					percentile(sorted, 1.0), Duration.ofNanos(migrationNanos), migrationError);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted under load", ex);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new BenchmarkException("The under-load scenario did not finish: " + ex, ex);
		}
		finally {
			clock.shutdownNow();
		}
	}

	/**
	 * A run's migration, a set of its own with its own version table beside the
	 * application's: the first adds {@code note}, the next {@code note2}, and so on.
	 */
	private Path migrations(int run) {
		String column = (run == 1) ? "note" : "note" + run;
		try {
			Path dir = Files.createTempDirectory(this.directory, "under-load");
			Files.writeString(dir.resolve("00001_add_token_" + column + ".sql"),
					"-- +goose Up\nALTER TABLE tokens ADD COLUMN " + column + " text;\n\n-- +goose Down\n"
							+ "ALTER TABLE tokens DROP COLUMN " + column + ";\n");
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the under-load migration", ex);
		}
	}

	private static Migrator migrator(ScratchDatabase database, Path migrations, int run, Duration tableLockTimeout) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(database.url());
		return Migrator.builder()
			.dataSource(dataSource)
			.locations(migrations.toString())
			.table((run == 1) ? "load_test_versions" : "load_test_versions_" + run)
			.tableLockTimeout(tableLockTimeout)
			.build();
	}

	/** A report job: reads tokens in a transaction it keeps open, then lets go. */
	private static void hold(ScratchDatabase database, Timeline timeline) {
		sleep(timeline.blockerStart());
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET application_name = 'report-job'");
			connection.setAutoCommit(false);
			statement.execute("SELECT count(*) FROM tokens");
			sleep(timeline.blockerHold());
			connection.rollback();
		}
		catch (SQLException ex) {
			throw new BenchmarkException("The blocking session failed: " + ex.getMessage(), ex);
		}
	}

	private String post(SampleApp.Running running, String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(running.uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new BenchmarkException(
						"POST " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new BenchmarkException("Unexpected answer: " + text);
		}
		return matcher.group(1);
	}

	private static Duration percentile(List<Long> sorted, double fraction) {
		if (sorted.isEmpty()) {
			return Duration.ZERO;
		}
		int index = (int) Math.ceil(fraction * sorted.size()) - 1;
		return Duration.ofNanos(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

}
