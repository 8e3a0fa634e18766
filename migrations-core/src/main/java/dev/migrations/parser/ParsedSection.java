package dev.migrations.parser;

import java.util.List;

import dev.migrations.MigrationParseException;

/**
 * The statements of one direction of one migration file, or the error that stopped
 * parsing them.
 *
 * @param statements the statements, in order; empty when {@code error} is set
 * @param error why the section could not be parsed, or {@code null}
 */
public record ParsedSection(List<SqlStatement> statements, MigrationParseException error) {

	/**
	 * An empty section without error: a direction whose file is absent, which runs as a
	 * no-op.
	 */
	public static final ParsedSection EMPTY = new ParsedSection(List.of(), null);

	public ParsedSection {
		statements = List.copyOf(statements);
	}

	static ParsedSection failed(MigrationParseException error) {
		return new ParsedSection(List.of(), error);
	}

	/** Whether the section parsed. */
	public boolean isValid() {
		return this.error == null;
	}

}
