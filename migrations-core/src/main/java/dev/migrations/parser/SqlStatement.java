package dev.migrations.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One statement of a migration, as it will be sent to the database.
 *
 * @param sql the statement text, trimmed; comments inside it are kept
 * @param line the 1-based line of the file the statement starts on
 * @param leadingComments the {@code --} comment lines between the previous statement and
 * this one, stripped, which are not sent (a lint directive may stand there)
 */
public record SqlStatement(String sql, int line, List<String> leadingComments) {

	public SqlStatement {
		leadingComments = List.copyOf(leadingComments);
	}

	/**
	 * A statement without comments before it.
	 * @param sql the statement text
	 * @param line the 1-based line it starts on
	 */
	public SqlStatement(String sql, int line) {
		this(sql, line, List.of());
	}

	/**
	 * Whether the statement begins, ends or aborts a transaction ({@code BEGIN},
	 * {@code START TRANSACTION}, {@code COMMIT}, {@code END}, {@code ROLLBACK},
	 * {@code ABORT}): inside the engine's transaction it would end that transaction
	 * early. A {@code ROLLBACK TO} a savepoint does not, nor does MariaDB's anonymous
	 * block, {@code BEGIN NOT ATOMIC … END}.
	 * @return whether it controls the transaction
	 */
	public boolean controlsTransaction() {
		List<String> words = leadingKeywords(2);
		if (words.isEmpty()) {
			return false;
		}
		return switch (words.get(0)) {
			case "BEGIN" -> words.size() < 2 || !words.get(1).equals("NOT");
			case "COMMIT", "END", "ABORT" -> true;
			case "ROLLBACK" -> words.size() < 2 || !words.get(1).equals("TO");
			case "START" -> words.size() > 1 && words.get(1).equals("TRANSACTION");
			default -> false;
		};
	}

	/**
	 * The first words of the statement in upper case, skipping comments and whitespace,
	 * stopping at the first token that is not a plain word.
	 * {@code "create unique index concurrently idx on t(x)"} gives
	 * {@code [CREATE, UNIQUE, INDEX, CONCURRENTLY, IDX, ON, T]} up to {@code max} words.
	 * @param max the most words to return
	 * @return the leading keywords
	 */
	public List<String> leadingKeywords(int max) {
		List<String> words = new ArrayList<>(max);
		String text = this.sql;
		int i = 0;
		int length = text.length();
		while (i < length && words.size() < max) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (text.startsWith("--", i)) {
				int end = text.indexOf('\n', i);
				i = (end < 0) ? length : end + 1;
			}
			else if (text.startsWith("/*", i)) {
				int end = SqlChars.endOfBlockComment(text, i);
				i = (end < 0) ? length : end;
			}
			else if (SqlChars.isIdentifierStart(c)) {
				int end = i + 1;
				while (end < length && SqlChars.isIdentifierPart(text.charAt(end))) {
					end++;
				}
				words.add(text.substring(i, end).toUpperCase(Locale.ROOT));
				i = end;
			}
			else {
				break;
			}
		}
		return words;
	}

}
