package dev.migrations.format;

import java.util.List;
import java.util.Map;

import dev.migrations.MigrationFormat;
import dev.migrations.MigrationParseException;
import dev.migrations.parser.GooseParser;
import dev.migrations.parser.GooseScript;
import dev.migrations.parser.LexicalRules;
import dev.migrations.parser.ParsedSection;
import dev.migrations.parser.SourceText;
import dev.migrations.source.MigrationResource;

/**
 * goose's files: one file per version, {@code <version>_<name>.sql}, with both directions
 * and the annotations ({@code -- +goose Up}, {@code NO TRANSACTION}, {@code ENVSUB ON}
 * ...) that {@link GooseParser} reads. Versions start at 1.
 */
final class GooseFiles implements FileFormat {

	static final GooseFiles INSTANCE = new GooseFiles();

	private static final String SUFFIX = ".sql";

	/**
	 * A new file holds one placeholder statement per direction, each in a
	 * {@code StatementBegin}/{@code StatementEnd} block so that replacing it with a
	 * function body needs no further annotation.
	 */
	private static final String TEMPLATE = """
			-- +goose Up
			-- +goose StatementBegin
			SELECT 'up: put the statements that make this change here';
			-- +goose StatementEnd

			-- +goose Down
			-- +goose StatementBegin
			SELECT 'down: put the statements that take this change back here';
			-- +goose StatementEnd
			""";

	private GooseFiles() {
	}

	@Override
	public MigrationFormat format() {
		return MigrationFormat.GOOSE;
	}

	@Override
	public String naming() {
		return "<version>_<name>.sql";
	}

	/**
	 * Digits, an underscore, any name on one line, and {@code .sql}. Read by hand rather
	 * than by an expression: a start with nothing to do checks every name, and in a fresh
	 * JVM the expression cost more than listing the directory.
	 */
	@Override
	public boolean isName(String name) {
		int underscore = versionLength(name);
		return underscore > 0 && name.endsWith(SUFFIX) && name.length() - SUFFIX.length() > underscore
				&& isOneLine(name);
	}

	@Override
	public MigrationFileName name(String name) {
		if (!isName(name)) {
			throw new IllegalArgumentException("does not match " + naming());
		}
		int underscore = versionLength(name);
		long version = MigrationFileName.parseVersion(name.substring(0, underscore));
		if (version < 1) {
			throw new IllegalArgumentException("goose versions start at 1, and this file's is 0");
		}
		return new MigrationFileName(name, version, name.substring(underscore + 1, name.length() - SUFFIX.length()),
				null);
	}

	@Override
	public Map<String, String> newFiles(String stem) {
		return Map.of(stem + SUFFIX, TEMPLATE);
	}

	@Override
	public String checksum(VersionSource files) {
		return Checksums.of(files.read(files.up()));
	}

	@Override
	public Migration.Parsed parse(VersionSource files, LexicalRules rules) {
		MigrationResource file = files.up();
		byte[] raw = files.read(file);
		String checksum = Checksums.of(raw);
		String text;
		try {
			text = SourceText.decode(file.location(), raw);
		}
		catch (MigrationParseException ex) {
			MigrationScript broken = new MigrationScript(file.name(), file.location(),
					new ParsedSection(List.of(), ex));
			return new Migration.Parsed(broken, broken, false, checksum);
		}
		GooseScript script = GooseParser.parse(file.location(), text, files.environment(), rules);
		return new Migration.Parsed(
				MigrationScript.of(file.name(), file.location(), files.substitute(text, file, script.up()), text),
				MigrationScript.of(file.name(), file.location(), files.substitute(text, file, script.down()), text),
				!script.transactional(), checksum);
	}

	/** The length of the leading digits when an underscore follows them, else 0. */
	private static int versionLength(String name) {
		int digits = 0;
		while (digits < name.length() && name.charAt(digits) >= '0' && name.charAt(digits) <= '9') {
			digits++;
		}
		return (digits > 0 && digits < name.length() && name.charAt(digits) == '_') ? digits : 0;
	}

	/**
	 * Whether the name holds no line terminator, which golang-migrate's expression's
	 * {@code .} excludes too.
	 */
	private static boolean isOneLine(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return false;
			}
		}
		return true;
	}

}
