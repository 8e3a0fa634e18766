package dev.migrations.parser;

/**
 * What the statement splitter treats as one token, for the database the statements go to:
 * where one database reads a {@code ;} as the end of a statement, another reads it inside
 * a name or a comment. Each dialect gives its own.
 *
 * @param nestedBlockComments whether {@code /* … /* … *}{@code / … *}{@code /} nests
 * (PostgreSQL) or ends at the first {@code *}{@code /} (SQLite)
 * @param bracketQuotedIdentifiers whether {@code [name]} is a quoted identifier (SQLite),
 * not an array subscript
 * @param backquotedIdentifiers whether {@code `name`} is a quoted identifier (SQLite,
 * MySQL)
 * @param escapeStrings whether {@code E'…'} strings take backslash escapes (PostgreSQL)
 * @param dollarQuotes whether {@code $tag$…$tag$} quotes a body (PostgreSQL)
 * @param backslashEscapes whether every {@code '…'} and {@code "…"} string takes
 * backslash escapes, so that {@code \'} does not end it (MySQL)
 * @param hashComments whether {@code #} starts a comment to the end of the line (MySQL)
 * @param dashCommentNeedsSpace whether {@code --} starts a comment only when a space or a
 * control character (or the end of the line) follows it, so that {@code 1--1} is
 * arithmetic (MySQL)
 */
public record LexicalRules(boolean nestedBlockComments, boolean bracketQuotedIdentifiers, boolean backquotedIdentifiers,
		boolean escapeStrings, boolean dollarQuotes, boolean backslashEscapes, boolean hashComments,
		boolean dashCommentNeedsSpace) {

	/** PostgreSQL's. */
	public static final LexicalRules POSTGRESQL = new LexicalRules(true, false, false, true, true, false, false, false);

	/** SQLite's. */
	public static final LexicalRules SQLITE = new LexicalRules(false, true, true, false, false, false, false, false);

	/**
	 * MySQL's and MariaDB's (with the server's default SQL mode: {@code "…"} is a string,
	 * not an identifier, and backslashes escape).
	 */
	public static final LexicalRules MYSQL = new LexicalRules(false, false, true, false, false, true, true, true);

	/**
	 * Before the database is known (reading files without connecting): PostgreSQL's, and
	 * backquotes quote, which no supported database reads otherwise.
	 */
	public static final LexicalRules UNKNOWN_DATABASE = new LexicalRules(true, false, true, true, true, false, false,
			false);

}
