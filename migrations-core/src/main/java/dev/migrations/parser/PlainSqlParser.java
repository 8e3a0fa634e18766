package dev.migrations.parser;

import dev.migrations.MigrationParseException;

/**
 * Parses a file that is nothing but SQL, as golang-migrate's {@code .up.sql} and
 * {@code .down.sql} files are. The last statement may omit its semicolon.
 */
public final class PlainSqlParser {

	private PlainSqlParser() {
	}

	/**
	 * Splits a file into statements.
	 * @param file the file's location, for errors
	 * @param text the file's text (see {@link SourceText})
	 * @return the statements, or the error (an unterminated string, identifier, comment
	 * or dollar quote, a {@code DELIMITER} command)
	 */
	public static ParsedSection parse(String file, String text) {
		return parse(file, text, LexicalRules.UNKNOWN_DATABASE);
	}

	/**
	 * Splits a file into statements, for a database.
	 * @param file the file's location, for errors
	 * @param text the file's text (see {@link SourceText})
	 * @param rules the database's lexical rules
	 * @return the statements, or the error (an unterminated string, identifier, comment
	 * or dollar quote, a {@code DELIMITER} command)
	 */
	public static ParsedSection parse(String file, String text, LexicalRules rules) {
		StatementSplitter splitter = new StatementSplitter(file, false, rules);
		try {
			SourceText.forEachLine(text, splitter::feed);
			return new ParsedSection(splitter.finish(), null);
		}
		catch (MigrationParseException ex) {
			return ParsedSection.failed(ex);
		}
	}

}
