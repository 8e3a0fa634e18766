package dev.migrations.spring.diagnostics;

import java.util.List;

import dev.migrations.ValidationIssue;
import dev.migrations.ValidationIssue.Kind;
import dev.migrations.ValidationReport;

/**
 * What validation issues mean and what to do about each kind, shared by the analyses of a
 * failed validation and of {@code migrations.on-startup=validate}.
 */
final class ValidationIssues {

	private ValidationIssues() {
	}

	/** One indented line per issue, from its kind, version and file. */
	static String describe(ValidationReport report) {
		StringBuilder description = new StringBuilder();
		for (ValidationIssue issue : report.issues()) {
			description.append("\n    - version ").append(issue.version());
			if (issue.file() != null) {
				description.append(" (").append(issue.file()).append(')');
			}
			description.append(": ").append(meaning(issue));
		}
		return description.toString();
	}

	private static String meaning(ValidationIssue issue) {
		return switch (issue.kind()) {
			case CHECKSUM_MISMATCH -> "the file changed after it was applied";
			case MISSING -> "applied, but no file in migrations.locations has this version";
			case OUT_OF_ORDER -> "pending, but older than the current version";
			// The reason of a parse error is in no other field.
			case PARSE_ERROR -> "the file does not parse: " + issue.message();
			case DIRTY -> "the golang-migrate version table is marked dirty at this version";
		};
	}

	/**
	 * One sentence per kind of issue found, saying what to do.
	 * @param report what validation found
	 * @param migrating whether the application migrates at startup, so that
	 * {@code migrations.validate-on-migrate} and {@code migrations.out-of-order} decide
	 * what these issues do; with {@code on-startup=validate} they do not
	 */
	static String actions(ValidationReport report, boolean migrating) {
		StringBuilder actions = new StringBuilder();
		List<ValidationIssue> changed = report.ofKind(Kind.CHECKSUM_MISMATCH);
		if (!changed.isEmpty()) {
			sentence(actions, "If the changes to " + files(changed) + " were deliberate and the database already"
					+ " matches them, record their new checksums by starting "
					+ (migrating ? "the application" : "the application that applies the migrations")
					+ " once with migrations.repair-on-migrate=true; otherwise restore the files as they were applied."
					+ (migrating ? " To start despite changed files, set migrations.validate-on-migrate=warn." : ""));
		}
		List<ValidationIssue> missing = report.ofKind(Kind.MISSING);
		if (!missing.isEmpty()) {
			// A repair forgets only our metadata of a missing version; the Go tool's
			// table still lists it.
			sentence(actions, "Restore the " + Listing.plural(missing.size(), "file", "files") + " of "
					+ Listing.plural(missing.size(), "version ", "versions ") + versions(missing)
					+ " to migrations.locations: an applied version needs its file to be validated and rolled back."
					+ (migrating ? " If " + Listing.plural(missing.size(), "it was", "they were") + " removed on"
							+ " purpose, set migrations.validate-on-migrate=warn to start anyway." : ""));
		}
		List<ValidationIssue> outOfOrder = report.ofKind(Kind.OUT_OF_ORDER);
		if (!outOfOrder.isEmpty()) {
			String them = Listing.plural(outOfOrder.size(), "it", "them");
			sentence(actions,
					Listing.plural(outOfOrder.size(), "Version ", "Versions ") + versions(outOfOrder)
							+ Listing.plural(outOfOrder.size(), " is", " are") + " older than the current version: "
							+ (migrating
									? "apply " + them + " in version order with migrations.out-of-order=apply, leave "
											+ them + " pending with migrations.out-of-order=ignore,"
									: "apply " + them + " by starting once with migrations.on-startup=migrate and"
											+ " migrations.out-of-order=apply,")
							+ " or renumber " + them + " above the current version.");
		}
		List<ValidationIssue> unparsable = report.ofKind(Kind.PARSE_ERROR);
		if (!unparsable.isEmpty()) {
			sentence(actions, "Correct " + files(unparsable) + ".");
		}
		List<ValidationIssue> dirty = report.ofKind(Kind.DIRTY);
		if (!dirty.isEmpty()) {
			sentence(actions, DirtyDatabaseFailureAnalyzer.action(dirty.get(0).version()));
		}
		return actions.toString();
	}

	private static void sentence(StringBuilder actions, String sentence) {
		if (!actions.isEmpty()) {
			actions.append('\n');
		}
		actions.append(sentence);
	}

	private static String files(List<ValidationIssue> issues) {
		return Listing.items(issues.stream().map(ValidationIssue::file).distinct().toList());
	}

	private static String versions(List<ValidationIssue> issues) {
		return Listing.versions(issues.stream().map(ValidationIssue::version).distinct().toList());
	}

}
