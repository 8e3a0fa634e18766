package dev.migrations.spring.diagnostics;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.OutOfOrderException;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link OutOfOrderFailureAnalyzer}. */
class OutOfOrderFailureAnalyzerTests {

	private final OutOfOrderFailureAnalyzer analyzer = new OutOfOrderFailureAnalyzer();

	@Test
	void namesTheVersionsAndTheCurrentVersion() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new OutOfOrderException(List.of(20240102L, 20240105L), 20240110L));

		assertThat(analysis.getDescription()).isEqualTo("Found 2 pending migrations older than the current version"
				+ " 20240110: versions 20240102, 20240105. No migration was run.");
	}

	@Test
	void namesBothOutOfOrderSettingsAndRenumbering() {
		FailureAnalysis analysis = this.analyzer.analyze(new OutOfOrderException(List.of(2L), 5L));

		assertThat(analysis.getAction()).contains("migrations.out-of-order=apply")
			.contains("migrations.out-of-order=ignore")
			.contains("renumber it above 5");
	}

	@Test
	void shortensALongListOfVersions() {
		List<Long> versions = LongStream.rangeClosed(1, 25).boxed().toList();

		FailureAnalysis analysis = this.analyzer.analyze(new OutOfOrderException(versions, 30));

		assertThat(analysis.getDescription()).contains("versions 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 (and 15 more)");
	}

}
