package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.MigrationParseException;

/**
 * Analyzes a {@link MigrationParseException}: the file, the line and what is wrong there.
 */
final class MigrationParseFailureAnalyzer extends AbstractFailureAnalyzer<MigrationParseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationParseException cause) {
		String line = (cause.line() > 0) ? ", line " + cause.line() + "," : "";
		String description = "Migration file " + cause.file() + line + " could not be parsed: " + cause.reason() + ".\n"
				+ "Every migration a run needs is parsed before the first one runs, so none was applied.";
		String action = "Correct " + ((cause.line() > 0) ? "line " + cause.line() + " of " : "") + cause.file()
				+ ". If the problem is a ${...} placeholder, give it a value under migrations.placeholders.";
		return new FailureAnalysis(description, action, cause);
	}

}
