package dev.migrations.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.MigrationParseException;
import dev.migrations.parser.ParsedSection;
import dev.migrations.parser.SqlStatement;

/**
 * Named placeholders from configuration: {@code ${name}} in the statements of files that
 * ask for them with a line {@code -- migrations:placeholders}, and only those, so that a
 * {@code ${...}} meant for the database (or for goose's ENVSUB) is never touched by
 * accident. {@code $${name}} stays as the literal {@code ${name}}. A placeholder that is
 * not configured is an error naming the file and line.
 */
final class Placeholders {

	/** The line that turns placeholders on for a file. */
	static final String MARKER = "-- migrations:placeholders";

	private static final String MARKER_WORD = "migrations:placeholders";

	private static final Pattern REFERENCE = Pattern.compile("\\$?\\$\\{([A-Za-z_][A-Za-z0-9_.]*)\\}");

	private final Map<String, String> values;

	Placeholders(Map<String, String> values) {
		this.values = Map.copyOf(values);
	}

	/** Whether a file's text asks for placeholders. */
	static boolean isRequestedBy(String text) {
		// Most files do not mention it at all; only those are read line by line.
		if (!text.toLowerCase(Locale.ROOT).contains(MARKER_WORD)) {
			return false;
		}
		for (String line : text.split("\n", -1)) {
			if (line.strip().equalsIgnoreCase(MARKER)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The section with its placeholders replaced, or failed at the first undefined one.
	 */
	ParsedSection apply(String file, ParsedSection section) {
		if (!section.isValid()) {
			return section;
		}
		List<SqlStatement> replaced = new ArrayList<>();
		for (SqlStatement statement : section.statements()) {
			try {
				replaced.add(new SqlStatement(replace(file, statement), statement.line(), statement.leadingComments()));
			}
			catch (MigrationParseException ex) {
				return new ParsedSection(List.of(), ex);
			}
		}
		return new ParsedSection(replaced, null);
	}

	private String replace(String file, SqlStatement statement) {
		Matcher matcher = REFERENCE.matcher(statement.sql());
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String replacement;
			if (matcher.group().startsWith("$$")) {
				replacement = "${" + name + "}";
			}
			else if (this.values.containsKey(name)) {
				replacement = this.values.get(name);
			}
			else {
				int line = statement.line()
						+ (int) statement.sql().substring(0, matcher.start()).chars().filter((c) -> c == '\n').count();
				throw new MigrationParseException(file, line, "placeholder ${" + name + "} is not configured; define it"
						+ " in the placeholders, or write $${" + name + "} for the literal text");
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
