package dev.migrations.parser;

/** The annotations goose understands, matched with goose's rules. */
enum GooseAnnotation {

	UP("Up"), DOWN("Down"), STATEMENT_BEGIN("StatementBegin"), STATEMENT_END("StatementEnd"),
	NO_TRANSACTION("NO TRANSACTION"), ENVSUB_ON("ENVSUB ON"), ENVSUB_OFF("ENVSUB OFF");

	private final String text;

	GooseAnnotation(String text) {
		this.text = text;
	}

	/**
	 * Whether goose would read the line as an annotation: a comment line that mentions
	 * {@code +goose}.
	 */
	static boolean isCandidate(String line) {
		return line.strip().startsWith("--") && line.contains("+goose");
	}

	/**
	 * Reads an annotation line. As in goose: no leading whitespace, one {@code +goose},
	 * and a known annotation matched without regard to case.
	 * @param line a line for which {@link #isCandidate} holds
	 * @return the annotation
	 * @throws IllegalArgumentException with the reason when the line is not a valid
	 * annotation
	 */
	static GooseAnnotation parse(String line) {
		if (line.startsWith(" ") || line.startsWith("\t")) {
			throw new IllegalArgumentException("annotation '" + SourceText.printable(line.strip())
					+ "' must start at the beginning of the line," + " without indentation");
		}
		String command = line.replace("--", "");
		int keyword = command.indexOf("+goose");
		if (keyword >= 0) {
			command = command.substring(0, keyword) + command.substring(keyword + "+goose".length());
		}
		if (command.contains("+goose")) {
			throw new IllegalArgumentException("line holds more than one '+goose' annotation");
		}
		command = command.strip();
		if (command.isEmpty()) {
			throw new IllegalArgumentException("empty '-- +goose' annotation");
		}
		for (GooseAnnotation annotation : values()) {
			if (annotation.text.equalsIgnoreCase(command)) {
				return annotation;
			}
		}
		throw new IllegalArgumentException("unknown annotation '-- +goose " + SourceText.printable(command)
				+ "'; goose knows Up, Down, StatementBegin, StatementEnd, NO TRANSACTION, ENVSUB ON and ENVSUB OFF");
	}

	@Override
	public String toString() {
		return "'-- +goose " + this.text + "'";
	}

}
