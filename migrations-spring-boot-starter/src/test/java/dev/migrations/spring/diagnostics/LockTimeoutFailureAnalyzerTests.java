package dev.migrations.spring.diagnostics;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.LockTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link LockTimeoutFailureAnalyzer}. */
class LockTimeoutFailureAnalyzerTests {

	private final LockTimeoutFailureAnalyzer analyzer = new LockTimeoutFailureAnalyzer();

	@Test
	void namesTheHolderAndHowLongItWaited() {
		FailureAnalysis analysis = this.analyzer.analyze(new LockTimeoutException("advisory lock 4242 on app",
				Duration.ofMinutes(10), "backend pid 8812 (migrate-job, 10.0.3.7) since 2025-03-02 10:14:03"));

		assertThat(analysis.getDescription()).isEqualTo("Gave up after waiting 10 min for the migration lock, held by"
				+ " backend pid 8812 (migrate-job, 10.0.3.7) since 2025-03-02 10:14:03. No migration was run.");
		assertThat(analysis.getAction()).contains("raise migrations.lock-timeout above 10 min");
	}

	@Test
	void saysWhenTheHolderIsUnknown() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new LockTimeoutException("lock file app.db.lock", Duration.ofMillis(2500), null));

		assertThat(analysis.getDescription()).startsWith("Gave up after waiting 2.5 s for the migration lock, held by"
				+ " a runner that could not be identified.");
	}

	@Test
	void showsMinutesAndSeconds() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new LockTimeoutException("lock", Duration.ofSeconds(90), "pid 1 on host-a"));

		assertThat(analysis.getDescription()).contains("waiting 1 min 30 s");
	}

}
