package dev.migrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of one PostgreSQL statement that the rules look at: words (upper case),
 * names (quoted identifiers, as written), string literals and single symbols. Comments
 * and whitespace are skipped; a {@code $tag$} body is one string. The statement was split
 * by the engine's lexer already, so every quote here is closed.
 */
final class Tokens {

	enum Kind {

		WORD, NAME, STRING, SYMBOL

	}

	record Token(Kind kind, String text) {

		boolean is(String word) {
			return this.kind == Kind.WORD && this.text.equals(word);
		}

		boolean isSymbol(char symbol) {
			return this.kind == Kind.SYMBOL && this.text.charAt(0) == symbol;
		}

		/** The token as an object name, folded as PostgreSQL folds unquoted names. */
		String name() {
			return (this.kind == Kind.WORD) ? this.text.toLowerCase(Locale.ROOT) : this.text;
		}

	}

	private Tokens() {
	}

	static List<Token> of(String sql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			char next = (i + 1 < length) ? sql.charAt(i + 1) : '\0';
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '-' && next == '-') {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? length : end + 1;
			}
			else if (c == '/' && next == '*') {
				i = endOfBlockComment(sql, i);
			}
			else if (c == '\'') {
				boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
				int end = endOfQuoted(sql, i, '\'', escapes);
				tokens.add(new Token(Kind.STRING, sql.substring(i + 1, Math.max(i + 1, end - 1))));
				i = end;
			}
			else if (c == '"') {
				int end = endOfQuoted(sql, i, '"', false);
				tokens.add(new Token(Kind.NAME, sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"")));
				i = end;
			}
			else if (c == '$' && dollarTag(sql, i) != null) {
				String tag = dollarTag(sql, i);
				int end = sql.indexOf(tag, i + tag.length());
				int stop = (end < 0) ? length : end + tag.length();
				tokens.add(new Token(Kind.STRING, sql.substring(i + tag.length(), (end < 0) ? length : end)));
				i = stop;
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = i + 1;
				while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
						|| sql.charAt(end) == '$')) {
					end++;
				}
				if (end < length && sql.charAt(end) == '\'' && end - i == 1
						&& (c == 'E' || c == 'e' || c == 'B' || c == 'b' || c == 'X' || c == 'x')) {
					// E'...', B'...', X'...': the prefix belongs to the string.
					i = end;
					continue;
				}
				tokens.add(new Token(Kind.WORD, sql.substring(i, end).toUpperCase(Locale.ROOT)));
				i = end;
			}
			else if (Character.isDigit(c)) {
				int end = i + 1;
				while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
					end++;
				}
				tokens.add(new Token(Kind.STRING, sql.substring(i, end)));
				i = end;
			}
			else {
				tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
				i++;
			}
		}
		return tokens;
	}

	private static int endOfBlockComment(String sql, int start) {
		int depth = 0;
		int i = start;
		while (i < sql.length()) {
			if (sql.startsWith("/*", i)) {
				depth++;
				i += 2;
			}
			else if (sql.startsWith("*/", i)) {
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
		return sql.length();
	}

	private static int endOfQuoted(String sql, int start, char quote, boolean backslashEscapes) {
		int i = start + 1;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (backslashEscapes && c == '\\') {
				i += 2;
			}
			else if (c == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
				}
				else {
					return i + 1;
				}
			}
			else {
				i++;
			}
		}
		return sql.length();
	}

	private static String dollarTag(String sql, int i) {
		if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
			return null;
		}
		int j = i + 1;
		while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
			if (j == i + 1 && Character.isDigit(sql.charAt(j))) {
				return null;
			}
			j++;
		}
		return (j < sql.length() && sql.charAt(j) == '$') ? sql.substring(i, j + 1) : null;
	}

}
