package dev.migrations.parser;

import java.util.Locale;

/**
 * Follows the nesting inside which a {@code ;} does not end a statement: parentheses (a PostgreSQL rule's
 * {@code DO ALSO (…; …)}), and {@code BEGIN … END} in the statements that have such a body: SQLite's
 * {@code CREATE TRIGGER … BEGIN …; END;} and PostgreSQL's {@code BEGIN ATOMIC} function bodies. {@code CASE … END}
 * nests the same way, so it is counted too. Words inside parentheses never open a body: {@code f(begin date)} is a
 * parameter.
 */
final class BlockBodyTracker {

	private static final int UNDECIDED = 0;

	private static final int PLAIN = 1;

	private static final int BODIED = 2;

	private int kind = UNDECIDED;

	private int words;

	private int depth;

	private int parentheses;

	void reset() {
		this.kind = UNDECIDED;
		this.words = 0;
		this.depth = 0;
		this.parentheses = 0;
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
	}

	void closeParenthesis() {
		this.parentheses = Math.max(0, this.parentheses - 1);
	}

	void word(String word) {
		String upper = word.toUpperCase(Locale.ROOT);
		if (this.kind == UNDECIDED) {
			classify(upper);
		}
		if (this.kind != BODIED || this.parentheses > 0) {
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
