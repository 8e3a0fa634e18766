package dev.migrations.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrations.parser.SqliteKeywords;

/**
 * A canonical form of SQLite SQL text, so that a schema written twice compares equal when
 * only its spelling differs: comments and whitespace are dropped, keywords upper-cased,
 * identifiers lower-cased (SQLite compares them without case) and unquoted when they can
 * be, and tokens joined with single spaces. String literals are kept exactly. SQLite
 * keeps a schema object's SQL as written (and quotes a renamed table's name), so this is
 * what makes a rebuilt table comparable with the original.
 */
final class SqlText {

	private static final Set<String> KEYWORDS = SqliteKeywords.ALL;

	private static final Set<String> TWO_CHAR_OPERATORS = Set.of("<=", ">=", "<>", "!=", "==", "||", "<<", ">>", "->");

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

	private SqlText() {
	}

	/**
	 * The canonical form of a piece of SQL.
	 * @param sql the SQL, or {@code null}
	 * @return its canonical form, or {@code null} for {@code null}
	 */
	static String normalize(String sql) {
		return (sql != null) ? join(tokens(sql)) : null;
	}

	/**
	 * The canonical tokens of SQL text, without comments and whitespace.
	 * @param sql the SQL
	 * @return the tokens
	 */
	static List<String> tokens(String sql) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			int end;
			if (Character.isWhitespace(c)) {
				end = i + 1;
			}
			else if (sql.startsWith("--", i)) {
				end = until(sql, "\n", i + 2);
			}
			else if (sql.startsWith("/*", i)) {
				end = until(sql, "*/", i + 2);
			}
			else if (c == '\'') {
				end = closingQuote(sql, i, '\'');
				tokens.add(sql.substring(i, end));
			}
			else if (c == '"' || c == '`' || c == '[') {
				char close = (c == '[') ? ']' : c;
				end = closingQuote(sql, i, close);
				String inner = sql.substring(i + 1, Math.max(i + 1, end - 1))
					.replace(String.valueOf(close) + close, String.valueOf(close));
				tokens.add(word(inner));
			}
			else if (Character.isLetterOrDigit(c) || c == '_') {
				end = i + 1;
				while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
						|| sql.charAt(end) == '$' || (Character.isDigit(c) && sql.charAt(end) == '.'))) {
					end++;
				}
				String text = sql.substring(i, end);
				tokens.add(Character.isDigit(c) ? text.toUpperCase(Locale.ROOT) : word(text));
			}
			else {
				end = (i + 1 < length && TWO_CHAR_OPERATORS.contains(sql.substring(i, i + 2))) ? i + 2 : i + 1;
				tokens.add(sql.substring(i, end));
			}
			i = end;
		}
		return tokens;
	}

	/**
	 * Joins canonical tokens with single spaces, except inside parentheses, before
	 * commas, around dots, after a unary sign, and before the parenthesis of a function
	 * call or a table's column list.
	 * @param tokens the tokens
	 * @return the text
	 */
	static String join(List<String> tokens) {
		StringBuilder text = new StringBuilder();
		String previous = null;
		boolean unary = false;
		for (String token : tokens) {
			if (previous != null && !unary && !previous.equals("(") && !previous.equals(".") && !token.equals(")")
					&& !token.equals(",") && !token.equals(".") && !token.equals(";")
					&& !(token.equals("(") && isIdentifier(previous))) {
				text.append(' ');
			}
			text.append(token);
			unary = (token.equals("-") || token.equals("+")) && (previous == null || isOperatorOrKeyword(previous));
			previous = token;
		}
		return text.toString();
	}

	/**
	 * Where the parenthesis opening at an index closes.
	 * @param tokens the tokens
	 * @param open the index of a {@code (}
	 * @return the index of the matching {@code )}, or the size of the list when it does
	 * not close
	 */
	static int closing(List<String> tokens, int open) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			if (tokens.get(i).equals("(")) {
				depth++;
			}
			else if (tokens.get(i).equals(")") && --depth == 0) {
				return i;
			}
		}
		return tokens.size();
	}

	/** An identifier or keyword, in canonical case, quoted only when it must be. */
	private static String word(String text) {
		String upper = text.toUpperCase(Locale.ROOT);
		if (KEYWORDS.contains(upper)) {
			return upper;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		return PLAIN_IDENTIFIER.matcher(lower).matches() ? lower : "\"" + lower.replace("\"", "\"\"") + "\"";
	}

	private static boolean isIdentifier(String token) {
		return !KEYWORDS.contains(token) && (PLAIN_IDENTIFIER.matcher(token).matches() || token.startsWith("\""));
	}

	private static boolean isOperatorOrKeyword(String token) {
		return KEYWORDS.contains(token) || token.equals("(") || token.equals(",")
				|| (!token.isEmpty() && "=<>!|*/%+-&~".indexOf(token.charAt(0)) >= 0);
	}

	private static int until(String sql, String terminator, int from) {
		int at = sql.indexOf(terminator, from);
		return (at < 0) ? sql.length() : at + terminator.length();
	}

	/**
	 * The index just past a quoted token's closing quote, where a doubled quote stands
	 * for one.
	 */
	private static int closingQuote(String sql, int open, char close) {
		int i = open + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == close) {
				if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return sql.length();
	}

}
