package dev.migrations.parser;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of SQL for the parser's properties: well-formed fragments (words, strings,
 * quoted identifiers, dollar quotes, comments) whose insides are full of the characters
 * that end statements elsewhere, and raw tokens, well formed or not, for inputs that may
 * be anything.
 */
final class SqlFragments {

	/** Characters that mean something to the lexer somewhere, and text around them. */
	private static final String TRICKY = ";'\"`$-/*()\\ \tabcXYZ019_éß日本";

	/** Words that begin a statement without a BEGIN ... END body. */
	private static final List<String> FIRST_WORDS = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "ALTER", "WITH",
			"VALUES", "GRANT", "select", "Drop");

	private SqlFragments() {
	}

	/**
	 * A word: ASCII or unicode letters, digits and underscores, or a keyword the lexer
	 * tracks elsewhere.
	 */
	static Arbitrary<String> words() {
		Arbitrary<String> plain = Arbitraries.strings()
			.withChars("abcxyzABCXYZ_éßø日本語")
			.ofMinLength(1)
			.ofMaxLength(6)
			.flatMap((word) -> Arbitraries.strings().numeric().ofMaxLength(2).map((digits) -> word + digits));
		return Arbitraries.oneOf(plain,
				Arbitraries.of("BEGIN", "END", "CASE", "WHEN", "THEN", "ATOMIC", "TRIGGER", "FUNCTION", "e", "E", "x"));
	}

	/**
	 * A fragment of a statement that holds no statement-ending ';' outside its quotes or
	 * comments.
	 */
	static Arbitrary<String> fragments() {
		return Arbitraries.frequencyOf(Tuple.of(4, words()),
				Tuple.of(2, Arbitraries.integers().between(0, 99_999).map(String::valueOf)),
				Tuple.of(3, stringLiterals()), Tuple.of(1, escapeStrings()), Tuple.of(2, quotedIdentifiers('"')),
				Tuple.of(1, quotedIdentifiers('`')), Tuple.of(2, dollarQuotes()), Tuple.of(2, blockComments()),
				Tuple.of(2, lineComments()), Tuple.of(1, parenthesized()),
				Tuple.of(2, Arbitraries.of("+", "-", "*", "/", "<>", "=", ",", "||", "::int", "$1", ".", "😀")));
	}

	/** '...' with doubled quotes, and a backslash that escapes nothing. */
	static Arbitrary<String> stringLiterals() {
		return content(
				Arbitraries.oneOf(trickyChars().filter((c) -> !c.equals("'")), Arbitraries.of("''", "\n", "\\", "😀")))
			.map((inside) -> "'" + inside + "'");
	}

	/**
	 * PostgreSQL's E'...', where a backslash escapes the next character, the quote
	 * included.
	 */
	static Arbitrary<String> escapeStrings() {
		return content(Arbitraries.oneOf(trickyChars().filter((c) -> !c.equals("\\") && !c.equals("'")),
				Arbitraries.of("''", "\\'", "\\\\", "\\n", "\n")))
			.map((inside) -> "E'" + inside + "'");
	}

	static Arbitrary<String> quotedIdentifiers(char quote) {
		String doubled = "" + quote + quote;
		return content(Arbitraries.oneOf(trickyChars().filter((c) -> !c.equals(String.valueOf(quote))),
				Arbitraries.of(doubled, "\n")))
			.map((inside) -> quote + inside + quote);
	}

	/** $tag$...$tag$ (or $$...$$) whose body never holds a dollar sign. */
	static Arbitrary<String> dollarQuotes() {
		Arbitrary<String> tags = Arbitraries.oneOf(Arbitraries.just(""),
				Arbitraries.strings().withChars("abcxyz_").ofMinLength(1).ofMaxLength(4),
				Arbitraries.strings().withChars("body").ofMinLength(1).ofMaxLength(4).map((tag) -> tag + "1"));
		Arbitrary<String> bodies = content(Arbitraries.oneOf(trickyChars().filter((c) -> !c.equals("$")),
				Arbitraries.of("\n", "BEGIN", "END;", "'")));
		return Combinators.combine(tags, bodies).as((tag, body) -> "$" + tag + "$" + body + "$" + tag + "$");
	}

	/** /* ... *&#47; with a comment nested in it now and then, as PostgreSQL allows. */
	static Arbitrary<String> blockComments() {
		Arbitrary<String> plain = content(Arbitraries
			.oneOf(trickyChars().filter((c) -> !c.equals("*") && !c.equals("/")), Arbitraries.of("\n", "--", "'")));
		return Combinators.combine(plain, plain, Arbitraries.of(true, false))
			.as((outer, inner, nested) -> "/*" + outer + (nested ? "/*" + inner + "*/" : "") + "*/");
	}

	/** -- ... to the end of the line, the line break included. */
	static Arbitrary<String> lineComments() {
		return content(trickyChars()).map((inside) -> "--" + inside + "\n");
	}

	static Arbitrary<String> parenthesized() {
		return Arbitraries.oneOf(words(), Arbitraries.integers().between(0, 9).map(String::valueOf), stringLiterals())
			.list()
			.ofMinSize(0)
			.ofMaxSize(3)
			.map((inside) -> "(" + String.join(", ", inside) + ")");
	}

	/**
	 * One statement: a plain first word, fragments apart by blanks or line breaks, and
	 * its ';', perhaps followed by a comment on the same line (which belongs to it) or
	 * preceded by a block comment on the line before.
	 */
	static Arbitrary<Statement> statements() {
		Arbitrary<String> separators = Arbitraries.of(" ", " ", "\t", "\n", "\n  ");
		Arbitrary<String> body = Combinators.combine(separators, fragments())
			.as((separator, fragment) -> separator + fragment)
			.list()
			.ofMaxSize(8)
			.map((pieces) -> String.join("", pieces));
		Arbitrary<String> trailing = Arbitraries.of("", "", "", " -- after; it", " /* after; it */");
		Arbitrary<String> leading = Arbitraries.of("", "", "", "/* before; it */\n", "/* before */ ");
		return Combinators.combine(leading, Arbitraries.of(FIRST_WORDS), body, trailing)
			.as((before, first, rest, after) -> new Statement(before + first + rest, ";" + after));
	}

	/**
	 * A generated statement.
	 *
	 * @param head everything before its ';'
	 * @param tail the ';' and what follows it on its line, or nothing for a last
	 * statement without one
	 */
	record Statement(String head, String tail) {

		String text() {
			return this.head + this.tail;
		}

	}

	/**
	 * What may stand between two statements: nothing but line breaks, blank lines and
	 * comment lines.
	 */
	static Arbitrary<String> gaps() {
		return Arbitraries.of("\n", "\n\n", "  \n", "\n-- between; statements\n", "\n--\n\n", "\n   -- indented note\n")
			.list()
			.ofMinSize(1)
			.ofMaxSize(3)
			.map((pieces) -> String.join("", pieces) + "\n");
	}

	/**
	 * Raw tokens, well formed or broken: anything a file can hold, annotations and ENVSUB
	 * included.
	 */
	static Arbitrary<String> rawTokens() {
		Arbitrary<String> tokens = Arbitraries.of("'", "\"", "`", "$$", "$a$", "$", "/*", "*/", "--", ";", ";", "\n",
				"\n", "\r\n", "\r", " ", "\t", "(", ")", "E'", "e'", "\\", "BEGIN", "END", "CASE", "CREATE", "TRIGGER",
				"FUNCTION", "PROCEDURE", "ATOMIC", "SELECT", "x", "1", "\n-- +goose Up\n", "\n-- +goose Down\n",
				"\n-- +goose StatementBegin\n", "\n-- +goose StatementEnd\n", "\n-- +goose NO TRANSACTION\n",
				"\n-- +goose ENVSUB ON\n", "\n-- +goose ENVSUB OFF\n", "\n-- +goose Sideways\n", "\n  -- +goose Up\n",
				"\n-- +goose\n", "\n-- +GOOSE up\n", "${A}", "$A", "${A:-d}", "${A-d}", "${A?m}", "${A:?m}", "${A:1:2}",
				"${", "${A:-${B", "$${A}", "${1}", "${A:x}", "\n-- migrations:placeholders\n", "${p}", "${missing}",
				"é", "日本", "😀", "\u0000", "\uFEFF", "\u2028");
		return Arbitraries.frequencyOf(Tuple.of(6, tokens), Tuple.of(3, fragments()),
				Tuple.of(1, Arbitraries.strings().ofMaxLength(4)));
	}

	private static Arbitrary<String> trickyChars() {
		return Arbitraries.of(TRICKY.codePoints().mapToObj(Character::toString).toList());
	}

	private static Arbitrary<String> content(Arbitrary<String> pieces) {
		return pieces.filter((piece) -> !piece.contains("+goose"))
			.list()
			.ofMaxSize(10)
			.map((list) -> String.join("", list));
	}

}
