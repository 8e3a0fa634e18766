package dev.migrations.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.DatabaseVersion;
import dev.migrations.LintFinding;
import dev.migrations.MigrateResult;
import dev.migrations.MigrationPlan;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.PlannedMigration;
import dev.migrations.RepairResult;
import dev.migrations.StatusReport;
import dev.migrations.ValidationIssue;
import dev.migrations.ValidationReport;
import dev.migrations.VerifyResult;
import dev.migrations.files.CreatedMigration;
import dev.migrations.files.FixResult;
import dev.migrations.files.RenamedFile;

/**
 * Renders results as the command prints them: text for people, JSON with {@code --json}.
 */
final class Report {

	private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Report() {
	}

	static String statusText(StatusReport status) {
		StringBuilder out = new StringBuilder();
		out.append("Database version: ").append(status.version()).append(status.dirty() ? " (dirty)" : "").append('\n');
		out.append(String.format("    %-27s %-9s %-18s %s%n", "Applied At", "Took", "State", "Migration"));
		out.append("    ").append("=".repeat(76)).append('\n');
		for (MigrationStatus row : status.migrations()) {
			String when = (row.appliedAt() != null) ? APPLIED_AT.format(row.appliedAt())
					: (row.state().isApplied() ? "Applied" : "Pending");
			String took = (row.executionTime() != null) ? row.executionTime().toMillis() + " ms" : "";
			String state = row.state().label()
					+ ((row.state() == MigrationState.APPLIED && !row.verified()) ? "*" : "");
			String what = (row.state() == MigrationState.MISSING)
					? "version " + row.version() + " (no file has this version)" : row.file();
			out.append(String.format("    %-27s %-9s %-18s %s%n", when, took, state, what));
		}
		if (status.migrations().stream().anyMatch((row) -> row.state() == MigrationState.APPLIED && !row.verified())) {
			out.append("    * applied without a recorded checksum (unverified); 'repair' records one\n");
		}
		return out.toString();
	}

	static String statusJson(StatusReport status) {
		Map<String, Object> json = Json.object();
		json.put("version", status.version());
		if (status.dirty()) {
			json.put("dirty", true);
		}
		List<Object> rows = new ArrayList<>();
		for (MigrationStatus row : status.migrations()) {
			Map<String, Object> item = Json.object();
			item.put("version", row.version());
			item.put("file", row.file());
			item.put("state", row.state().label());
			item.put("applied_at", iso(row.appliedAt()));
			item.put("execution_ms", millis(row.executionTime()));
			item.put("verified", row.verified());
			rows.add(item);
		}
		json.put("migrations", rows);
		return Json.write(json);
	}

	static String versionText(DatabaseVersion version) {
		return "Database version: " + version.version() + (version.dirty() ? " (dirty)" : "");
	}

	static String versionJson(DatabaseVersion version) {
		Map<String, Object> json = Json.object();
		json.put("version", version.version());
		if (version.dirty()) {
			json.put("dirty", true);
		}
		return Json.write(json);
	}

	static String migrateText(MigrateResult result) {
		if (result.isEmpty()) {
			return "No migrations to run; the database is at version " + result.finalVersion() + ".";
		}
		int count = result.migrations().size();
		return "Ran " + count + " migration" + ((count == 1) ? "" : "s") + " in " + result.duration().toMillis()
				+ " ms; the database went from version " + result.initialVersion() + " to " + result.finalVersion()
				+ ".";
	}

	static String migrateJson(MigrateResult result) {
		Map<String, Object> json = Json.object();
		json.put("from", result.initialVersion());
		json.put("version", result.finalVersion());
		List<Object> rows = new ArrayList<>();
		for (MigrationResult migration : result.migrations()) {
			Map<String, Object> item = Json.object();
			item.put("version", migration.version());
			item.put("file", migration.file());
			item.put("direction", migration.direction().label());
			item.put("duration_ms", migration.duration().toMillis());
			rows.add(item);
		}
		json.put("migrations", rows);
		json.put("duration_ms", result.duration().toMillis());
		return Json.write(json);
	}

	static String planText(MigrationPlan plan) {
		if (plan.isEmpty()) {
			return "Nothing to run for " + plan.operation() + "; the database is at version " + plan.currentVersion()
					+ ".";
		}
		StringBuilder out = new StringBuilder();
		out.append("Plan for ")
			.append(plan.operation())
			.append(" from version ")
			.append(plan.currentVersion())
			.append(": ")
			.append(plan.migrations().size())
			.append(" migration")
			.append((plan.migrations().size() == 1) ? "" : "s")
			.append(" (nothing was changed)\n");
		for (PlannedMigration migration : plan.migrations()) {
			out.append("\n-- ")
				.append(migration.direction().label())
				.append(' ')
				.append(migration.file())
				.append(migration.transactional() ? " (in a transaction)" : " (without a transaction)")
				.append('\n');
			for (String statement : migration.statements()) {
				out.append(statement).append('\n');
			}
		}
		return out.toString();
	}

	static String planJson(MigrationPlan plan) {
		List<Object> rows = new ArrayList<>();
		for (PlannedMigration migration : plan.migrations()) {
			Map<String, Object> item = Json.object();
			item.put("version", migration.version());
			item.put("file", migration.file());
			item.put("direction", migration.direction().label());
			item.put("transaction", migration.transactional());
			item.put("statements", new ArrayList<Object>(migration.statements()));
			rows.add(item);
		}
		Map<String, Object> json = Json.object();
		json.put("migrations", rows);
		return Json.write(json);
	}

	static String validationText(ValidationReport report, int migrations) {
		if (report.isValid()) {
			return "Validation passed: " + migrations + " migrations, no problems found.";
		}
		StringBuilder out = new StringBuilder();
		out.append("Validation found ")
			.append(report.issues().size())
			.append(" problem")
			.append((report.issues().size() == 1) ? "" : "s")
			.append(":\n");
		for (ValidationIssue issue : report.issues()) {
			out.append("  ").append(issue.kind().label()).append(": ").append(issue.message()).append('\n');
		}
		return out.toString();
	}

	static String validationJson(ValidationReport report) {
		List<Object> issues = new ArrayList<>();
		for (ValidationIssue issue : report.issues()) {
			Map<String, Object> item = Json.object();
			item.put("kind", issue.kind().label());
			item.put("version", issue.version());
			item.put("file", issue.file());
			item.put("message", issue.message());
			issues.add(item);
		}
		Map<String, Object> json = Json.object();
		json.put("valid", report.isValid());
		json.put("issues", issues);
		return Json.write(json);
	}

	static String lintText(List<LintFinding> findings, int migrations) {
		StringBuilder text = new StringBuilder();
		findings.forEach((finding) -> text.append(finding).append('\n'));
		String of = migrations + ((migrations == 1) ? " migration" : " migrations");
		text.append(findings.isEmpty() ? "No findings in " + of + "."
				: findings.size() + ((findings.size() == 1) ? " finding" : " findings") + " in " + of
						+ "; silence one that is safe here with '-- lint-ignore: <rule> <reason>' before its"
						+ " statement.");
		return text.toString();
	}

	static String lintJson(List<LintFinding> findings) {
		List<Object> items = new ArrayList<>();
		for (LintFinding finding : findings) {
			Map<String, Object> item = Json.object();
			item.put("file", finding.file());
			item.put("line", finding.line());
			item.put("rule", finding.rule());
			item.put("message", finding.message());
			item.put("why", finding.why());
			item.put("safe_way", finding.safeWay());
			items.add(item);
		}
		Map<String, Object> json = Json.object();
		json.put("findings", items);
		return Json.write(json);
	}

	static String repairText(RepairResult repair) {
		return repair.changes().isEmpty() ? "Nothing to repair." : String.join("\n", repair.changes());
	}

	static String repairJson(RepairResult repair) {
		Map<String, Object> json = Json.object();
		json.put("changes", new ArrayList<Object>(repair.changes()));
		return Json.write(json);
	}

	static String verifyJson(VerifyResult verified) {
		Map<String, Object> json = Json.object();
		json.put("verified", new ArrayList<Object>(verified.versions()));
		json.put("duration_ms", verified.duration().toMillis());
		return Json.write(json);
	}

	static String createdText(CreatedMigration created) {
		StringBuilder out = new StringBuilder();
		for (Path file : created.files()) {
			out.append("Created ").append(file).append('\n');
		}
		return out.toString();
	}

	static String createdJson(CreatedMigration created) {
		Map<String, Object> json = Json.object();
		json.put("version", created.version());
		json.put("format", created.format().label());
		json.put("files", created.files().stream().map((Object file) -> file.toString()).toList());
		return Json.write(json);
	}

	static String fixText(FixResult fix) {
		if (fix.isEmpty()) {
			return "Nothing to fix: no file has a timestamp version.";
		}
		StringBuilder out = new StringBuilder();
		for (RenamedFile renamed : fix.renames()) {
			out.append("Renamed ").append(renamed.from()).append(" => ").append(renamed.to()).append('\n');
		}
		return out.toString();
	}

	static String fixJson(FixResult fix) {
		List<Object> renames = new ArrayList<>();
		for (RenamedFile renamed : fix.renames()) {
			Map<String, Object> item = Json.object();
			item.put("from", renamed.from());
			item.put("to", renamed.to());
			renames.add(item);
		}
		Map<String, Object> json = Json.object();
		json.put("renames", renames);
		return Json.write(json);
	}

	private static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static Long millis(Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

}
