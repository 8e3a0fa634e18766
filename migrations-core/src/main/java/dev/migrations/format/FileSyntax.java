package dev.migrations.format;

import dev.migrations.parser.LexicalRules;

/**
 * The lexical rules the files of a catalog are split by: the database's, from the moment
 * a command has connected to it; before that (reading files without a database), those
 * for a database not yet known. A file split by other rules than the current ones is
 * split again the next time its statements are needed; its checksum, taken from its
 * bytes, does not change.
 */
public final class FileSyntax {

	private volatile LexicalRules rules = LexicalRules.UNKNOWN_DATABASE;

	/** The rules files are split by now. */
	public LexicalRules rules() {
		return this.rules;
	}

	/**
	 * Splits files by the rules of the database a command connected to.
	 * @param rules the database's rules
	 */
	public void use(LexicalRules rules) {
		this.rules = rules;
	}

}
