package dev.migrations.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample app on PostgreSQL under 50 requests/s while a long transaction holds
 * {@code tokens} for 11 s and a migration alters it: with this engine's defaults the
 * migration gives up after 4 s, twice, and succeeds once the transaction has ended, and
 * no request fails or waits longer than the table lock timeout and two seconds; without
 * the bound, the same figures are reported (requests pile up behind the waiting migration
 * for as long as the transaction lasts). Bounded: 18 s of load per run, the blocker lets
 * go by itself.
 */
class UnderLoadIT {

	/** The wait no request may exceed with the defaults: the lock timeout, and slack. */
	private static final Duration BOUND = UnderLoad.Timeline.FULL.tableLockTimeout().plusSeconds(2);

	private static final String POSTGRES_URL = Optional.ofNullable(System.getenv("MIGRATIONS_TEST_PG_URL"))
		.orElse(Options.DEFAULT_POSTGRES_URL);

	@TempDir
	Path directory;

	private PostgresServer postgres;

	private UnderLoad scenario;

	@BeforeEach
	void findPostgresAndTheSampleApp() {
		this.postgres = new PostgresServer(POSTGRES_URL);
		try {
			this.postgres.version();
		}
		catch (SQLException ex) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail("CI=true requires PostgreSQL, but it does not answer: " + ex.getMessage());
			}
			assumeTrue(false, "Skipped: PostgreSQL does not answer (set MIGRATIONS_TEST_PG_URL or start it; under"
					+ " CI=true this fails)");
		}
		Path jar = Path.of(System.getProperty("sample.jar"));
		assertThat(jar).as("the sample app's jar, built before this module").matches(Files::isRegularFile);
		this.scenario = new UnderLoad(new SampleApp(Path.of(System.getProperty("java.home"), "bin", "java"),
				jar.toAbsolutePath(), this.directory), this.directory);
	}

	@Test
	void withTheDefaultsTheMigrationRetriesAndNoRequestWaitsLongerThanTheBound() {
		List<UnderLoad.Figures> runs;
		try (ScratchDatabase database = this.postgres.create("underload-it")) {
			runs = this.scenario.run(database, UnderLoad.Timeline.FULL,
					List.of(UnderLoad.Timeline.FULL.tableLockTimeout(), Duration.ZERO));
		}
		UnderLoad.Figures bounded = runs.get(0);
		UnderLoad.Figures off = runs.get(1);
		System.out.println("under load, table lock timeout 4000 ms: " + bounded);
		System.out.println("under load, table lock timeout off:     " + off);

		assertThat(bounded.migrationError()).isNull();
		assertThat(bounded.requests()).isEqualTo(UnderLoad.RATE * 18);
		assertThat(bounded.failures()).isZero();
		assertThat(bounded.max()).isLessThanOrEqualTo(BOUND);
		// Two attempts gave up after 4 s each before the third got the lock.
		assertThat(bounded.migration()).isGreaterThan(Duration.ofSeconds(9));
		assertThat(off.migrationError()).isNull();
		assertThat(off.failures()).isZero();
	}

}
