package dev.migrations.spring.diagnostics;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.ValidationException;
import dev.migrations.ValidationIssue;
import dev.migrations.ValidationIssue.Kind;
import dev.migrations.ValidationReport;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link ValidationFailureAnalyzer}. */
class ValidationFailureAnalyzerTests {

	private final ValidationFailureAnalyzer analyzer = new ValidationFailureAnalyzer();

	private static final ValidationIssue CHANGED = new ValidationIssue(Kind.CHECKSUM_MISMATCH, 2, "00002_posts.sql",
			"classpath:db/migrations/00002_posts.sql changed after it was applied (checksum 3f2a, recorded 9c1b).");

	private static final ValidationIssue MISSING = new ValidationIssue(Kind.MISSING, 3, null,
			"Version 3 is applied but no file in classpath:db/migrations has it.");

	private FailureAnalysis analyze(ValidationIssue... issues) {
		return this.analyzer.analyze(new ValidationException(new ValidationReport(List.of(issues))));
	}

	@Test
	void listsEveryIssueByVersionAndFile() {
		FailureAnalysis analysis = analyze(CHANGED, MISSING);

		assertThat(analysis.getDescription()).isEqualTo(
				"Validation before migrating found 2 problems with applied" + " migrations, so no migration was run:\n"
						+ "    - version 2 (00002_posts.sql): the file changed after it was applied\n"
						+ "    - version 3: applied, but no file in migrations.locations has this version");
	}

	@Test
	void checksumMismatchNamesRepairAndTheWarnSetting() {
		FailureAnalysis analysis = analyze(CHANGED);

		assertThat(analysis.getAction()).contains("00002_posts.sql")
			.contains("migrations.repair-on-migrate=true")
			.contains("restore the files as they were applied")
			.contains("migrations.validate-on-migrate=warn")
			.doesNotContain("Restore the file of version");
	}

	@Test
	void missingVersionAsksToRestoreItsFile() {
		FailureAnalysis analysis = analyze(MISSING);

		assertThat(analysis.getAction()).startsWith("Restore the file of version 3 to migrations.locations")
			.contains("migrations.validate-on-migrate=warn")
			// repair forgets only the metadata of a missing version: validation would
			// still report it
			.doesNotContain("repair");
	}

	@Test
	void givesOneSentencePerKindFound() {
		FailureAnalysis analysis = analyze(CHANGED, MISSING);

		assertThat(analysis.getAction().lines()).hasSize(2);
	}

}
