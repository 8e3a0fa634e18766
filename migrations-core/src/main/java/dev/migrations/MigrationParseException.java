package dev.migrations;

/**
 * A migration file could not be parsed: an annotation out of place, an unterminated
 * string or block, a statement without its terminating semicolon, or content that is not
 * UTF-8.
 */
public final class MigrationParseException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String file;

	private final int line;

	private final String reason;

	/**
	 * Creates a parse error.
	 * @param file the file's location, as shown to users
	 * @param line the 1-based line the problem is on, or 0 when it concerns the whole
	 * file
	 * @param reason what is wrong, as a sentence fragment
	 */
	public MigrationParseException(String file, int line, String reason) {
		super((line > 0) ? file + ":" + line + ": " + reason : file + ": " + reason);
		this.file = file;
		this.line = line;
		this.reason = reason;
	}

	/** The file's location, as shown to users. */
	public String file() {
		return this.file;
	}

	/**
	 * The 1-based line the problem is on, or 0 when the problem concerns the whole file.
	 */
	public int line() {
		return this.line;
	}

	/** What is wrong, without the file and line. */
	public String reason() {
		return this.reason;
	}

}
