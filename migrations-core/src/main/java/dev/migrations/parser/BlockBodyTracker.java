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

	void reset() {
		this.kind = UNDECIDED;
		this.words = 0;
		this.depth = 0;
		this.parentheses = 0;
		this.nameExpected = false;
		this.afterComma = false;
	}

	/** Any character of code that is not part of a word, a string or a comment. */
	void symbol(char c) {
		this.nameExpected = c == '.';
		this.afterComma = c == ',';
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
		this.nameExpected = upper.equals("SET") || upper.equals("OF");
		this.afterComma = false;
		if (this.kind != BODIED || this.parentheses > 0 || name) {
			return;
		}
		switch (upper) {
			case "BEGIN", "CASE" -> this.depth++;
			case "END" -> this.depth = Math.max(0, this.depth - 1);
			default -> {
			}
		}
	}

	private void classify(String upper) {
		this.words++;
		if (this.words == 1) {
			this.kind = upper.equals("CREATE") ? UNDECIDED : PLAIN;
			return;
		}
		switch (upper) {
			case "OR", "REPLACE", "TEMP", "TEMPORARY" -> {
			}
			case "TRIGGER", "FUNCTION", "PROCEDURE" -> this.kind = BODIED;
			default -> this.kind = PLAIN;
		}
	}

}
