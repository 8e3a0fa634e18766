package dev.migrations;

import java.util.Locale;

/**
 * One thing validation found.
 *
 * @param kind what kind of problem
 * @param version the version it concerns
 * @param file the file it concerns, or {@code null} for a missing version
 * @param message a sentence saying what is wrong and what to do
 */
public record ValidationIssue(Kind kind, long version, String file, String message) {

	/** The kinds of problem validation reports. */
	public enum Kind {

		/** An applied migration's file changed since it was applied. */
		CHECKSUM_MISMATCH,

		/** An applied version has no file. */
		MISSING,

		/** A pending version is lower than the highest applied one. */
		OUT_OF_ORDER,

		/** A file does not parse. */
		PARSE_ERROR,

		/** A golang-migrate table is dirty. */
		DIRTY;

		/** The lower-case name used in output. */
		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
