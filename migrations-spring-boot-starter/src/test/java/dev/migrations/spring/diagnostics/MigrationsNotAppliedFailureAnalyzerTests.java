package dev.migrations.spring.diagnostics;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.ValidationIssue;
import dev.migrations.ValidationIssue.Kind;
import dev.migrations.ValidationReport;
import dev.migrations.spring.autoconfigure.MigrationsNotAppliedException;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link MigrationsNotAppliedFailureAnalyzer}. */
class MigrationsNotAppliedFailureAnalyzerTests {

	private final MigrationsNotAppliedFailureAnalyzer analyzer = new MigrationsNotAppliedFailureAnalyzer();

	private static final ValidationReport VALID = new ValidationReport(List.of());

	@Test
	void namesThePendingVersions() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrationsNotAppliedException(List.of(4L, 5L), VALID));

		assertThat(analysis.getDescription()).isEqualTo("The database is not ready for this application, and"
				+ " migrations.on-startup=validate applies nothing.\nVersions 4, 5 are pending.");
	}

	@Test
	void asksToMigrateFromTheDeploymentOrToMigrateOnStartup() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrationsNotAppliedException(List.of(4L), VALID));

		assertThat(analysis.getAction())
			.contains("start it once with migrations.on-startup=migrate from the deployment job or init container")
			.contains("set migrations.on-startup=migrate");
	}

	@Test
	void listsWhatValidationFoundWithoutSuggestingSettingsValidateModeIgnores() {
		ValidationReport report = new ValidationReport(
				List.of(new ValidationIssue(Kind.CHECKSUM_MISMATCH, 2, "00002_posts.sql", "changed"),
						new ValidationIssue(Kind.OUT_OF_ORDER, 3, "00003_tags.sql", "out of order"),
						new ValidationIssue(Kind.DIRTY, 6, null, "dirty")));

		FailureAnalysis analysis = this.analyzer.analyze(new MigrationsNotAppliedException(List.of(3L), report));

		assertThat(analysis.getDescription()).contains("Version 3 is pending.")
			.contains("Validation found:\n    - version 2 (00002_posts.sql): the file changed after it was applied")
			.contains("    - version 3 (00003_tags.sql): pending, but older than the current version")
			.contains("    - version 6: the golang-migrate version table is marked dirty at this version");
		assertThat(analysis.getAction()).contains("migrations.repair-on-migrate=true")
			.contains("migrations.on-startup=migrate and migrations.out-of-order=apply")
			.contains("migrations.force-version=V, where V is 6")
			.doesNotContain("migrations.validate-on-migrate")
			.doesNotContain("migrations.out-of-order=ignore");
	}

	@Test
	void leavesOutThePendingSentencesWhenOnlyValidationFailed() {
		ValidationReport report = new ValidationReport(
				List.of(new ValidationIssue(Kind.MISSING, 2, null, "Version 2 is applied but no file has it.")));

		FailureAnalysis analysis = this.analyzer.analyze(new MigrationsNotAppliedException(List.of(), report));

		assertThat(analysis.getDescription()).doesNotContain("pending");
		assertThat(analysis.getAction()).startsWith("Restore the file of version 2 to migrations.locations")
			.doesNotContain("Apply the pending");
	}

}
