package dev.migrations;

import java.util.List;

/**
 * What validation found; empty when the files and the database agree.
 *
 * @param issues the problems, by version
 */
public record ValidationReport(List<ValidationIssue> issues) {

	public ValidationReport {
		issues = List.copyOf(issues);
	}

	/** Whether nothing was found. */
	public boolean isValid() {
		return this.issues.isEmpty();
	}

	/** The problems of one kind. */
	public List<ValidationIssue> ofKind(ValidationIssue.Kind kind) {
		return this.issues.stream().filter((issue) -> issue.kind() == kind).toList();
	}

}
