package dev.migrations.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.Direction;
import dev.migrations.MigrationFormat;
import dev.migrations.MigrationParseException;
import dev.migrations.parser.LexicalRules;
import dev.migrations.parser.ParsedSection;
import dev.migrations.parser.PlainSqlParser;
import dev.migrations.parser.SourceText;
import dev.migrations.source.MigrationResource;

/**
 * golang-migrate's files: a pair per version, {@code <version>_<title>.up.<ext>} and
 * {@code .down.<ext>}, each plain SQL sent as written, with no annotations. The down file
 * may be missing; version 0 is allowed.
 */
final class GolangMigrateFiles implements FileFormat {

	static final GolangMigrateFiles INSTANCE = new GolangMigrateFiles();

	private static final Pattern NAME = Pattern.compile("^([0-9]+)_(.*)\\.(up|down)\\.([^/]+)$");

	/** New files hold only a comment, so running them unchanged does nothing. */
	private static final String UP_TEMPLATE = """
			-- Statements that make this change, run in order when migrating up.
			""";

	private static final String DOWN_TEMPLATE = """
			-- Statements that take back what the up file did, run when migrating down.
			""";

	private GolangMigrateFiles() {
	}

	@Override
	public MigrationFormat format() {
		return MigrationFormat.GOLANG_MIGRATE;
	}

	@Override
	public String naming() {
		return "<version>_<title>.up.<ext> and <version>_<title>.down.<ext>";
	}

	@Override
	public boolean isName(String name) {
		// Most names in a goose location have neither part; they skip the expression.
		return (name.contains(".up.") || name.contains(".down.")) && NAME.matcher(name).matches();
	}

	@Override
	public MigrationFileName name(String name) {
		Matcher matcher = NAME.matcher(name);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("does not match <version>_<title>.up.<ext> or .down.<ext>");
		}
		Direction direction = "up".equals(matcher.group(3)) ? Direction.UP : Direction.DOWN;
		return new MigrationFileName(name, MigrationFileName.parseVersion(matcher.group(1)), matcher.group(2),
				direction);
	}

	@Override
	public Map<String, String> newFiles(String stem) {
		Map<String, String> files = new LinkedHashMap<>();
		files.put(stem + ".up.sql", UP_TEMPLATE);
		files.put(stem + ".down.sql", DOWN_TEMPLATE);
		return files;
	}

	@Override
	public String checksum(VersionSource files) {
		return Checksums.of(files.read(files.up()), files.read(files.down()));
	}

	@Override
	public Migration.Parsed parse(VersionSource files, LexicalRules rules) {
		byte[] up = files.read(files.up());
		byte[] down = files.read(files.down());
		return new Migration.Parsed(script(files, files.up(), up, rules), script(files, files.down(), down, rules),
				false, Checksums.of(up, down));
	}

	private static MigrationScript script(VersionSource files, MigrationResource resource, byte[] raw,
			LexicalRules rules) {
		if (resource == null) {
			return MigrationScript.absent();
		}
		try {
			String text = SourceText.decode(resource.location(), raw);
			return MigrationScript.of(resource.name(), resource.location(),
					files.substitute(text, resource, PlainSqlParser.parse(resource.location(), text, rules)), text);
		}
		catch (MigrationParseException ex) {
			return new MigrationScript(resource.name(), resource.location(), new ParsedSection(List.of(), ex));
		}
	}

}
