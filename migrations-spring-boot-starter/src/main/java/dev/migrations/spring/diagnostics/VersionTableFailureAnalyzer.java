package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.VersionTableException;

/**
 * Analyzes a {@link VersionTableException}: a table with the version table's (or the
 * metadata table's) name but other columns, or a version table holding rows its Go tool
 * never leaves.
 */
final class VersionTableFailureAnalyzer extends AbstractFailureAnalyzer<VersionTableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, VersionTableException cause) {
		return switch (cause.problem()) {
			case COLUMNS -> otherTable(cause, "its Go tool gives it", "migrations.table");
			case METADATA_COLUMNS ->
				otherTable(cause, "this engine gives its metadata table", "migrations.metadata-table");
			case ROWS -> new FailureAnalysis(
					"The version table cannot be read: " + cause.getMessage() + " No migration was run.",
					"Repair " + cause.table() + " as described above, then start the"
							+ " application again; the Go tool could not trust this table either.",
					cause);
		};
	}

	private static FailureAnalysis otherTable(VersionTableException cause, String whose, String property) {
		String description = "Table " + cause.table() + " exists but does not have the columns " + whose + " ("
				+ cause.expectedColumns() + "), so it belongs to something else. No migration was run.";
		String action = "Point " + property + " at another table, or rename the existing " + cause.table()
				+ " if it belongs to something else.";
		return new FailureAnalysis(description, action, cause);
	}

}
