package dev.migrations;

/**
 * A statement of a migration's Up section that takes a strong lock on a table that
 * already exists, rewrites or scans it while holding one, or breaks the application still
 * running against the old schema; found by {@code lint}, which reads the files only.
 *
 * @param file the file's location
 * @param line the 1-based line the statement starts on
 * @param rule the rule's id ({@code index-not-concurrent}, ...), which a
 * {@code -- lint-ignore: rule reason} comment before the statement names to silence it
 * @param message what the statement does, naming its table
 * @param why why that is dangerous on a live database
 * @param safeWay how to get the same change without it
 */
public record LintFinding(String file, int line, String rule, String message, String why, String safeWay) {

	/**
	 * The finding as a compiler writes a warning:
	 * {@code db/00004_x.sql:3: warning [index-not-concurrent] ... }.
	 */
	@Override
	public String toString() {
		return this.file + ":" + this.line + ": warning [" + this.rule + "] " + this.message + ". " + this.why
				+ " Safe way: " + this.safeWay;
	}

}
