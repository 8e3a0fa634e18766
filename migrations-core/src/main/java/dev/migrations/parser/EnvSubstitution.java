package dev.migrations.parser;

import java.util.Map;

/**
 * Expands environment variables in one line the way goose's {@code ENVSUB ON} does:
 * {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-default}} (unset or empty),
 * {@code ${NAME-default}} (unset), {@code ${NAME?message}} and {@code ${NAME:?message}}
 * (required), {@code ${NAME:offset[:length]}}; {@code \$} and {@code $$} give a literal
 * {@code $}. A {@code $} followed by anything but a name or a brace is an error, as in
 * goose.
 */
final class EnvSubstitution {

	/**
	 * How deep defaults and messages may nest; a deeper line is hostile, and would
	 * otherwise exhaust the stack.
	 */
	private static final int MAX_DEPTH = 64;

	private final String input;

	private final Map<String, String> environment;

	private int pos;

	private int depth;

	private EnvSubstitution(String input, Map<String, String> environment) {
		this.input = input;
		this.environment = environment;
	}

	/**
	 * Expands one line.
	 * @param line the line
	 * @param environment the variables
	 * @return the expanded line
	 * @throws IllegalArgumentException with the reason when the line is malformed or a
	 * required variable is unset
	 */
	static String expand(String line, Map<String, String> environment) {
		if (line.indexOf('$') < 0) {
			return line;
		}
		return new EnvSubstitution(line, environment).expression("", true);
	}

	private String expression(String stop, boolean evaluate) {
		StringBuilder out = new StringBuilder();
		while (this.pos < this.input.length()) {
			char c = this.input.charAt(this.pos);
			if (stop.indexOf(c) >= 0) {
				break;
			}
			if (this.input.startsWith("\\\\", this.pos)) {
				out.append("\\\\");
				this.pos += 2;
			}
			else if (this.input.startsWith("\\$", this.pos) || this.input.startsWith("$$", this.pos)) {
				out.append('$');
				this.pos += 2;
			}
			else if (this.input.startsWith("$(", this.pos)) {
				out.append("$(");
				this.pos += 2;
			}
			else if (c == '$' && this.pos < this.input.length() - 1) {
				this.pos++;
				out.append(expansion(evaluate));
			}
			else {
				out.append(c);
				this.pos++;
			}
		}
		return out.toString();
	}

	private String expansion(boolean evaluate) {
		if (peek() != '{') {
			return valueOf(identifier());
		}
		if (++this.depth > MAX_DEPTH) {
			throw new IllegalArgumentException("variable references nest deeper than " + MAX_DEPTH + " levels");
		}
		this.pos++;
		String name = identifier();
		char operator = next();
		String result;
		switch (operator) {
			case '}' -> {
				this.depth--;
				return valueOf(name);
			}
			case '-' -> {
				String fallback = expression("}", evaluate && value(name) == null);
				result = (value(name) != null) ? value(name) : fallback;
			}
			case '?' -> result = required(name, false, evaluate);
			case ':' -> {
				if (peek() == '-') {
					this.pos++;
					String fallback = expression("}", evaluate && isNullOrEmpty(value(name)));
					result = isNullOrEmpty(value(name)) ? fallback : value(name);
				}
				else if (peek() == '?') {
					this.pos++;
					result = required(name, true, evaluate);
				}
				else {
					result = substring(name);
				}
			}
			default -> throw new IllegalArgumentException(
					"expected an operator (:-, -, ?, :?, :) or '}' after ${" + name + ", found " + ((operator == '\0')
							? "the end of the line" : "'" + SourceText.printable(String.valueOf(operator)) + "'"));
		}
		if (next() != '}') {
			throw new IllegalArgumentException("expected '}' to close ${" + name);
		}
		this.depth--;
		return result;
	}

	private String required(String name, boolean orEmpty, boolean evaluate) {
		String message = expression("}", evaluate);
		String value = value(name);
		boolean missing = (value == null) || (orEmpty && value.isEmpty());
		if (evaluate && missing) {
			throw new IllegalArgumentException(
					"required variable " + name + " is not set" + (message.isEmpty() ? "" : ": " + message));
		}
		return (value != null) ? value : "";
	}

	private String substring(String name) {
		int start = this.pos;
		while (this.pos < this.input.length() && this.input.charAt(this.pos) != '}') {
			this.pos++;
		}
		String[] parts = this.input.substring(start, this.pos).split(":", 2);
		String value = valueOf(name);
		try {
			int offset = Integer.parseInt(parts[0].strip());
			if (offset < 0) {
				offset = Math.max(0, value.length() + offset);
			}
			if (offset > value.length()) {
				return "";
			}
			int end = value.length();
			if (parts.length == 2) {
				int length = Integer.parseInt(parts[1].strip());
				end = Math.min(value.length(), offset + Math.max(0, length));
			}
			String part = value.substring(offset, end);
			if (this.environment instanceof DerivingEnvironment deriving) {
				deriving.derived(name, part);
			}
			return part;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"expected a number in ${" + name + ":" + SourceText.printable(String.join(":", parts)) + "}");
		}
	}

	private String identifier() {
		int start = this.pos;
		if (this.pos >= this.input.length() || !Character.isLetter(this.input.charAt(this.pos))) {
			throw new IllegalArgumentException("expected a variable name after the '$' at column " + start
					+ "; write $$ or \\$ for a literal dollar sign");
		}
		while (this.pos < this.input.length()
				&& (Character.isLetterOrDigit(this.input.charAt(this.pos)) || this.input.charAt(this.pos) == '_')) {
			this.pos++;
		}
		return this.input.substring(start, this.pos);
	}

	private String value(String name) {
		return this.environment.get(name);
	}

	private String valueOf(String name) {
		String value = value(name);
		return (value != null) ? value : "";
	}

	private static boolean isNullOrEmpty(String value) {
		return value == null || value.isEmpty();
	}

	private char peek() {
		return (this.pos < this.input.length()) ? this.input.charAt(this.pos) : '\0';
	}

	private char next() {
		char c = peek();
		this.pos++;
		return c;
	}

}
