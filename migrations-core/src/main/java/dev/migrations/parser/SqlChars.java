package dev.migrations.parser;

/** Character classes shared by the lexer and the keyword reader. */
final class SqlChars {

	private SqlChars() {
	}

	static boolean isIdentifierStart(char c) {
		return Character.isLetter(c) || c == '_';
	}

	static boolean isIdentifierPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

	/**
	 * Finds the end of the block comment opening at {@code start}, counting nested
	 * comments as PostgreSQL does.
	 * @return the index just past its closing {@code *}{@code /}, or -1 when it does not
	 * close in {@code text}
	 */
	static int endOfBlockComment(String text, int start) {
		return endOfBlockComment(text, start, true);
	}

	/**
	 * Finds the end of the block comment opening at {@code start}.
	 * @param nested whether comments nest (PostgreSQL) or end at the first
	 * {@code *}{@code /} (SQLite)
	 * @return the index just past its closing {@code *}{@code /}, or -1 when it does not
	 * close in {@code text}
	 */
	static int endOfBlockComment(String text, int start, boolean nested) {
		int depth = 0;
		int i = start;
		while (i < text.length()) {
			if (text.startsWith("/*", i) && (nested || depth == 0)) {
				depth++;
				i += 2;
			}
			else if (text.startsWith("*/", i)) {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return -1;
	}

}
