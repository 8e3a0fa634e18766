package dev.migrations.parser;

import java.util.Locale;

/**
 * Follows the nesting inside which a {@code ;} does not end a statement: parentheses (a
 * PostgreSQL rule's {@code DO ALSO (…; …)}), and {@code BEGIN … END} in the statements
 * that have such a body: SQLite's {@code CREATE TRIGGER … BEGIN …; END;} and PostgreSQL's
 * {@code BEGIN ATOMIC} function bodies. {@code CASE … END} nests the same way, so it is
 * counted too. Words inside parentheses never open a body: {@code f(begin date)} is a
 * parameter. Nor do the words in the place of a column name: right after {@code SET},
 * {@code OF} or a {@code .} ({@code SET end = 5}, {@code BEFORE UPDATE OF begin ON t},
 * {@code new.end}), and {@code BEGIN} or {@code END} right after a {@code ,}
 * ({@code OF a, begin}), where neither database lets a block start or end. A {@code CASE}
 * after a {@code ,} is an expression, and counts.
 *
 * <p>
 * MySQL's routines, triggers and events ({@code CREATE DEFINER = … PROCEDURE}) have
 * compound statements inside their body: {@code END IF}, {@code END LOOP},
 * {@code END WHILE} and {@code END REPEAT} close a statement that opened no block, and
 * {@code END CASE} closes the {@code CASE} that opened one. MariaDB's anonymous block,
 * {@code BEGIN NOT ATOMIC … END}, is a body of its own.
 */
final class BlockBodyTracker {

	private static final int UNDECIDED = 0;

	private static final int PLAIN = 1;

	private static final int BODIED = 2;

	private int kind = UNDECIDED;

	private int words;

	private int depth;

	private int parentheses;

	/** Whether the previous token puts a column name where the next word is. */
	private boolean nameExpected;

	/** Whether the previous token was a {@code ,}. */
	private boolean afterComma;

	/** Whether the previous word was an {@code END} that closed a block. */
	private boolean afterEnd;

	/** Whether a {@code DEFINER = user} clause is being skipped while classifying. */
	private boolean definer;

	/** Whether the statement's first word was {@code BEGIN}. */
	private boolean beginFirst;

	void reset() {
		this.kind = UNDECIDED;
		this.words = 0;
		this.depth = 0;
		this.parentheses = 0;
		this.nameExpected = false;
		this.afterComma = false;
		this.afterEnd = false;
		this.definer = false;
		this.beginFirst = false;
	}

	/** Any character of code that is not part of a word, a string or a comment. */
	void symbol(char c) {
		this.nameExpected = c == '.';
		this.afterComma = c == ',';
		this.afterEnd = false;
	}

	boolean isClosed() {
		return this.depth == 0 && this.parentheses == 0;
	}

	/** Why the statement is still open, for an error at the end of a section. */
	String openReason() {
		if (this.parentheses > 0) {
			return "a '(' is never closed";
		}
		return (this.depth > 0) ? "its BEGIN has no matching END" : null;
	}

	void openParenthesis() {
		this.parentheses++;
		symbol('(');
	}

	void closeParenthesis() {
		this.parentheses = Math.max(0, this.parentheses - 1);
		symbol(')');
	}

	void word(String word) {
		String upper = word.toUpperCase(Locale.ROOT);
		if (this.kind == UNDECIDED) {
			classify(upper);
		}
		boolean name = this.nameExpected || (this.afterComma && !upper.equals("CASE"));
		boolean closesCompound = this.afterEnd;
		this.nameExpected = upper.equals("SET") || upper.equals("OF");
		this.afterComma = false;
		this.afterEnd = false;
		if (this.kind != BODIED || this.parentheses > 0 || name) {
			return;
		}
		if (closesCompound) {
			switch (upper) {
				// The END before belonged to a statement that opened no block.
				case "IF", "LOOP", "WHILE", "REPEAT" -> this.depth++;
				// The END before closed this CASE, which opened one.
				case "CASE" -> {
				}
				default -> countBlock(upper);
			}
			return;
		}
		countBlock(upper);
	}

	private void countBlock(String upper) {
		switch (upper) {
			case "BEGIN", "CASE" -> this.depth++;
			case "END" -> {
				this.afterEnd = this.depth > 0;
				this.depth = Math.max(0, this.depth - 1);
			}
			default -> {
			}
		}
	}

	private void classify(String upper) {
		this.words++;
		if (this.words == 1) {
			this.kind = (upper.equals("CREATE") || upper.equals("BEGIN")) ? UNDECIDED : PLAIN;
			this.beginFirst = upper.equals("BEGIN");
			return;
		}
		if (this.beginFirst) {
			// MariaDB's anonymous block, BEGIN NOT ATOMIC ... END; a plain BEGIN starts a
			// transaction.
			this.kind = upper.equals("NOT") ? BODIED : PLAIN;
			this.depth = (this.kind == BODIED) ? 1 : 0;
			return;
		}
		switch (upper) {
			case "OR", "REPLACE", "TEMP", "TEMPORARY", "AGGREGATE" -> {
			}
			case "DEFINER" -> this.definer = true;
			case "VIEW" -> this.kind = PLAIN;
			case "TRIGGER", "FUNCTION", "PROCEDURE", "EVENT" -> this.kind = BODIED;
			default -> {
				// MySQL's DEFINER = user@host comes before the object's kind; a few words
				// at most.
				if (!this.definer || this.words > 8) {
					this.kind = PLAIN;
				}
			}
		}
	}

}
