package dev.migrations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The result records and enums as users see them printed. */
class ResultsTests {

	@Test
	void migrationResultPrintsAsTheLogLineWithAReadableDuration() {
		assertThat(new MigrationResult(3, "00003_x.sql", Direction.UP, Duration.ofNanos(727_000), 2))
			.hasToString("OK   up 00003_x.sql (727 µs)");
		assertThat(new MigrationResult(3, "00003_x.sql", Direction.DOWN, Duration.ofMillis(12), 2))
			.hasToString("OK   down 00003_x.sql (12 ms)");
		assertThat(new MigrationResult(3, "00003_x.sql", Direction.UP, Duration.ofMillis(12_345), 2))
			.hasToString("OK   up 00003_x.sql (12.3 s)");
	}

	@Test
	void labelsAreLowerCase() {
		assertThat(Direction.UP.label()).isEqualTo("up");
		assertThat(MigrationState.MISSING.label()).isEqualTo("missing");
		assertThat(MigrationFormat.GOLANG_MIGRATE.label()).isEqualTo("golang-migrate");
	}

	@Test
	void formatsAreReadFromTheirLabels() {
		assertThat(MigrationFormat.fromLabel("Goose")).isEqualTo(MigrationFormat.GOOSE);
		assertThat(MigrationFormat.fromLabel(" golang_migrate ")).isEqualTo(MigrationFormat.GOLANG_MIGRATE);
		assertThat(MigrationFormat.fromLabel("auto")).isEqualTo(MigrationFormat.AUTO);
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFormat.fromLabel("flyway"))
			.withMessageContaining("use auto, goose or golang-migrate");
	}

	@Test
	void statusReportFiltersRowsByState() {
		MigrationStatus applied = new MigrationStatus(1, "00001_a.sql", MigrationState.APPLIED, Instant.EPOCH);
		MigrationStatus pending = new MigrationStatus(2, "00002_b.sql", MigrationState.PENDING, null);
		StatusReport report = new StatusReport(1, false, List.of(applied, pending));

		assertThat(report.inState(MigrationState.PENDING)).containsExactly(pending);
		assertThat(report.inState(MigrationState.MISSING)).isEmpty();
	}

	@Test
	void failureMessageSaysWhenNothingWasAppliedBeforeIt() {
		MigrationFailedException failure = new MigrationFailedException(new MigrationFailedException.Failure(1,
				"db/00001_a.sql", Direction.UP, 0, 0, null, 0, "recording failed", true, false), List.of(), null);

		assertThat(failure.getMessage()).isEqualTo("Migration db/00001_a.sql failed (up): recording failed."
				+ " It was rolled back and not recorded. No migration was applied before it.");
		assertThat(failure.applied()).isEmpty();
		assertThat(new MigrateResult(List.of(), 0, 0, Duration.ZERO).isEmpty()).isTrue();
	}

}
