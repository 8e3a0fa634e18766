package dev.migrations.parser;

import java.util.ArrayList;
import java.util.List;

import dev.migrations.MigrationParseException;

/**
 * Splits SQL into statements with a real lexer, fed one line at a time so that goose's
 * line-oriented annotations can interleave. A {@code ;} ends a statement only outside '…'
 * strings, "quoted" identifiers, {@code --} and block comments, the {@code BEGIN … END}
 * body of a trigger, routine or SQL-standard function, and the tokens the database's
 * {@link LexicalRules} add: E'…' strings, `quoted` and [quoted] identifiers,
 * {@code $tag$…$tag$} bodies, MySQL's {@code #} comments and backslash escapes; whether
 * block comments nest, and whether {@code --} needs a space after it, are the database's
 * rules too. The mysql client's {@code DELIMITER} command is refused with the file and
 * line, since no server runs it.
 *
 * <p>
 * Text is kept the way goose keeps it, so statements match goose's own: comment and blank
 * lines before a statement are dropped, comments inside it are kept, and a comment after
 * the closing {@code ;} on the same line stays with the statement.
 */
final class StatementSplitter {

	private enum Mode {

		CODE, QUOTED, BLOCK_COMMENT, DOLLAR_QUOTED

	}

	private final String file;

	private final boolean requireTerminator;

	private final List<SqlStatement> statements = new ArrayList<>();

	private final StringBuilder buffer = new StringBuilder();

	private final BlockBodyTracker body = new BlockBodyTracker();

	private final List<String> comments = new ArrayList<>();

	private Mode mode = Mode.CODE;

	private final LexicalRules rules;

	private char quote;

	private char closingQuote;

	private boolean backslashEscapes;

	private int commentDepth;

	private String dollarTag;

	private int openedAt;

	private int startLine;

	private boolean hasCode;

	/**
	 * Creates a splitter for one section.
	 * @param file the file's location, for errors
	 * @param requireTerminator whether the last statement must end with {@code ;} (goose)
	 * or may run to the end of the file (golang-migrate)
	 */
	StatementSplitter(String file, boolean requireTerminator) {
		this(file, requireTerminator, LexicalRules.UNKNOWN_DATABASE);
	}

	/**
	 * Creates a splitter for one section, for a database.
	 * @param file the file's location, for errors
	 * @param requireTerminator whether the last statement must end with {@code ;}
	 * @param rules the database's lexical rules
	 */
	StatementSplitter(String file, boolean requireTerminator, LexicalRules rules) {
		this.file = file;
		this.requireTerminator = requireTerminator;
		this.rules = rules;
	}

	void feed(String line, int number) {
		if (this.mode == Mode.CODE && this.startLine == 0 && isSkippable(line)) {
			comment(line.strip());
			return;
		}
		if (this.mode == Mode.CODE && !this.hasCode && isDelimiterCommand(line)) {
			throw new MigrationParseException(this.file, number,
					"DELIMITER is a command of the mysql client, not SQL, and no server accepts it;"
							+ " write a routine's body as it is (the engine keeps BEGIN ... END together)"
							+ " or, in a goose file, between StatementBegin and StatementEnd");
		}
		int segment = 0;
		int i = 0;
		int length = line.length();
		while (i < length) {
			switch (this.mode) {
				case QUOTED -> i = scanQuoted(line, i);
				case BLOCK_COMMENT -> i = scanBlockComment(line, i);
				case DOLLAR_QUOTED -> i = scanDollarQuoted(line, i);
				case CODE -> {
					if (line.charAt(i) == ';' && this.body.isClosed()) {
						if (isBlankOrComment(line, i + 1)) {
							this.buffer.append(line, segment, length);
							emit();
							return;
						}
						this.buffer.append(line, segment, i + 1);
						emit();
						segment = i + 1;
						i++;
					}
					else {
						i = scanCode(line, i, number);
					}
				}
			}
		}
		if (this.startLine == 0) {
			// Nothing but whitespace so far: the statement has not started.
			this.buffer.setLength(0);
		}
		else {
			this.buffer.append(line, segment, length).append('\n');
		}
	}

	/**
	 * Adds a statement that was delimited elsewhere (a goose StatementBegin block),
	 * keeping the order.
	 */
	void block(SqlStatement statement) {
		this.statements.add(new SqlStatement(statement.sql(), statement.line(), this.comments));
		this.comments.clear();
	}

	/**
	 * Keeps a comment line that stands before the next statement and is not sent with it.
	 * @param stripped the line, stripped; blank lines are not kept
	 */
	void comment(String stripped) {
		if (!stripped.isEmpty()) {
			this.comments.add(stripped);
		}
	}

	/**
	 * Drops comments waiting for a statement to follow them. At a goose StatementBegin
	 * they would otherwise end up on the statement after the block.
	 */
	void dropPendingComments() {
		if (!hasPendingStatement()) {
			this.buffer.setLength(0);
			this.startLine = 0;
		}
	}

	/** Whether a statement has started and not ended. */
	boolean hasPendingStatement() {
		return this.hasCode || this.mode != Mode.CODE;
	}

	/** The line the pending statement started on. */
	int pendingLine() {
		return (this.mode != Mode.CODE) ? this.openedAt : this.startLine;
	}

	/**
	 * Ends the section and returns its statements.
	 * @throws MigrationParseException for an unterminated string, comment or body, or
	 * (for goose) a last statement without its semicolon
	 */
	List<SqlStatement> finish() {
		if (this.mode != Mode.CODE) {
			throw new MigrationParseException(this.file, this.openedAt, "unterminated " + describeOpenToken());
		}
		if (this.hasCode) {
			if (this.requireTerminator) {
				String reason = this.body.openReason();
				String hint = (reason != null) ? " (" + reason + ")" : "";
				throw new MigrationParseException(this.file, this.startLine,
						"statement is not terminated with a semicolon" + hint
								+ "; end it with ';' or wrap it in StatementBegin/StatementEnd");
			}
			emit();
		}
		return List.copyOf(this.statements);
	}

	private boolean isSkippable(String line) {
		String stripped = line.strip();
		return stripped.isEmpty() || isLineComment(stripped, 0);
	}

	private static boolean isDelimiterCommand(String line) {
		String stripped = line.stripLeading();
		return stripped.regionMatches(true, 0, "DELIMITER", 0, 9)
				&& (stripped.length() == 9 || Character.isWhitespace(stripped.charAt(9)));
	}

	/**
	 * Whether a comment to the end of the line starts at {@code i}: {@code --}, which
	 * MySQL reads as one only before a space or a control character, and MySQL's
	 * {@code #}.
	 */
	private boolean isLineComment(String line, int i) {
		if (line.startsWith("--", i)) {
			return !this.rules.dashCommentNeedsSpace() || i + 2 == line.length() || line.charAt(i + 2) <= ' ';
		}
		return this.rules.hashComments() && i < line.length() && line.charAt(i) == '#';
	}

	/**
	 * Whether the rest of the line holds only blanks and comments that end on it, which
	 * stay with the statement.
	 */
	private boolean isBlankOrComment(String line, int from) {
		// Scans in place: copying the rest of the line at every semicolon is quadratic on
		// a long line.
		int i = from;
		while (true) {
			while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
				i++;
			}
			if (i == line.length() || isLineComment(line, i)) {
				return true;
			}
			if (!line.startsWith("/*", i) || line.startsWith("/*!", i)) {
				return false;
			}
			i = SqlChars.endOfBlockComment(line, i, this.rules.nestedBlockComments());
			if (i < 0) {
				return false;
			}
		}
	}

	private void emit() {
		if (this.hasCode) {
			this.statements.add(new SqlStatement(this.buffer.toString().strip(), this.startLine, this.comments));
			this.comments.clear();
		}
		this.buffer.setLength(0);
		this.startLine = 0;
		this.hasCode = false;
		this.body.reset();
	}

	private void markCode(int number) {
		this.hasCode = true;
		markStart(number);
	}

	private void markStart(int number) {
		if (this.startLine == 0) {
			this.startLine = number;
		}
	}

	private int scanCode(String line, int i, int number) {
		char c = line.charAt(i);
		char next = (i + 1 < line.length()) ? line.charAt(i + 1) : '\0';
		if ((c == '-' && next == '-') || c == '#') {
			if (isLineComment(line, i)) {
				return line.length();
			}
		}
		if (c == '/' && next == '*') {
			markStart(number);
			if (line.startsWith("/*!", i)) {
				// MySQL runs the body of a /*! ... */ comment, so it counts as code.
				this.hasCode = true;
			}
			open(Mode.BLOCK_COMMENT, number);
			this.commentDepth = 1;
			return i + 2;
		}
		if (c == '\'' || c == '"' || (c == '`' && this.rules.backquotedIdentifiers())
				|| (c == '[' && this.rules.bracketQuotedIdentifiers())) {
			markCode(number);
			open(Mode.QUOTED, number);
			this.quote = c;
			this.closingQuote = (c == '[') ? ']' : c;
			this.backslashEscapes = (this.rules.backslashEscapes() && (c == '\'' || c == '"'))
					|| (c == '\'' && this.rules.escapeStrings() && isEscapeStringPrefix(line, i));
			return i + 1;
		}
		if (c == '$' && this.rules.dollarQuotes()) {
			String tag = dollarTagAt(line, i);
			markCode(number);
			if (tag != null) {
				open(Mode.DOLLAR_QUOTED, number);
				this.dollarTag = tag;
				return i + tag.length();
			}
			return i + 1;
		}
		if (SqlChars.isIdentifierStart(c)) {
			int end = i + 1;
			while (end < line.length() && SqlChars.isIdentifierPart(line.charAt(end))) {
				end++;
			}
			markCode(number);
			this.body.word(line.substring(i, end));
			return end;
		}
		if (c == '(') {
			this.body.openParenthesis();
		}
		else if (c == ')') {
			this.body.closeParenthesis();
		}
		if (!Character.isWhitespace(c)) {
			markCode(number);
			if (c != '(' && c != ')') {
				this.body.symbol(c);
			}
		}
		return i + 1;
	}

	private void open(Mode mode, int number) {
		this.mode = mode;
		this.openedAt = number;
	}

	/**
	 * E'...' (PostgreSQL's escape string): the E must be a token of its own, right before
	 * the quote.
	 */
	private static boolean isEscapeStringPrefix(String line, int quoteIndex) {
		if (quoteIndex == 0) {
			return false;
		}
		char prefix = line.charAt(quoteIndex - 1);
		if (prefix != 'E' && prefix != 'e') {
			return false;
		}
		return quoteIndex < 2 || !SqlChars.isIdentifierPart(line.charAt(quoteIndex - 2));
	}

	private static String dollarTagAt(String line, int i) {
		if (i > 0 && SqlChars.isIdentifierPart(line.charAt(i - 1))) {
			return null;
		}
		int j = i + 1;
		if (j < line.length() && line.charAt(j) == '$') {
			return "$$";
		}
		if (j >= line.length() || !SqlChars.isIdentifierStart(line.charAt(j))) {
			return null;
		}
		while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
			j++;
		}
		return (j < line.length() && line.charAt(j) == '$') ? line.substring(i, j + 1) : null;
	}

	private int scanQuoted(String line, int i) {
		int j = i;
		while (j < line.length()) {
			char c = line.charAt(j);
			if (this.backslashEscapes && c == '\\') {
				j += 2;
			}
			else if (c == this.closingQuote) {
				// A doubled quote stands for itself; SQLite's [name] has no way to hold a
				// ']'.
				if (this.quote != '[' && j + 1 < line.length() && line.charAt(j + 1) == this.quote) {
					j += 2;
				}
				else {
					this.mode = Mode.CODE;
					return j + 1;
				}
			}
			else {
				j++;
			}
		}
		return line.length();
	}

	private int scanBlockComment(String line, int i) {
		int j = i;
		while (j < line.length()) {
			if (line.startsWith("*/", j)) {
				j += 2;
				this.commentDepth--;
				if (this.commentDepth == 0) {
					this.mode = Mode.CODE;
					return j;
				}
			}
			else if (line.startsWith("/*", j) && this.rules.nestedBlockComments()) {
				// PostgreSQL nests block comments; SQLite ends one at the first */.
				this.commentDepth++;
				j += 2;
			}
			else {
				j++;
			}
		}
		return line.length();
	}

	private int scanDollarQuoted(String line, int i) {
		int end = line.indexOf(this.dollarTag, i);
		if (end < 0) {
			return line.length();
		}
		this.mode = Mode.CODE;
		return end + this.dollarTag.length();
	}

	private String describeOpenToken() {
		return switch (this.mode) {
			case QUOTED -> switch (this.quote) {
				case '\'' -> "string literal";
				case '"' -> "quoted identifier";
				case '[' -> "bracket-quoted identifier";
				default -> "backquoted identifier";
			};
			case BLOCK_COMMENT -> "block comment";
			case DOLLAR_QUOTED -> "dollar-quoted string " + this.dollarTag;
			case CODE -> "statement";
		};
	}

}
