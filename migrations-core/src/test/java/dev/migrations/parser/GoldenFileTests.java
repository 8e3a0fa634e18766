package dev.migrations.parser;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.migrations.MigrationParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Parses every case under {@code golden/goose} and {@code golden/plain} on the test
 * classpath and compares the statements, their lines and the errors with the expected
 * files stored next to each input.
 *
 * <p>
 * A case is a directory holding {@code input.sql}, the expected statements as
 * {@code up/01.sql}, {@code down/01.sql} (goose) or {@code statements/01.sql} (plain),
 * each holding the exact statement text, and an optional {@code expect.properties} with
 * the errors, statement lines, transaction mode and environment.
 */
class GoldenFileTests {

	private static final Set<String> GOOSE_KEYS = Set.of("transactional", "error.both", "error.line", "error.contains",
			"up.error.line", "up.error.contains", "down.error.line", "down.error.contains", "up.lines", "down.lines",
			"database");

	private static final Set<String> PLAIN_KEYS = Set.of("error.line", "error.contains", "lines", "database");

	@TestFactory
	Stream<DynamicTest> gooseCases() throws IOException, URISyntaxException {
		return cases("golden/goose")
			.map((dir) -> dynamicTest(dir.getFileName().toString(), dir.toUri(), () -> checkGooseCase(dir)));
	}

	@TestFactory
	Stream<DynamicTest> plainCases() throws IOException, URISyntaxException {
		return cases("golden/plain")
			.map((dir) -> dynamicTest(dir.getFileName().toString(), dir.toUri(), () -> checkPlainCase(dir)));
	}

	private static Stream<Path> cases(String folder) throws IOException, URISyntaxException {
		URL url = GoldenFileTests.class.getClassLoader().getResource(folder);
		assertThat(url).as("test resource folder %s", folder).isNotNull();
		List<Path> dirs;
		try (Stream<Path> children = Files.list(Path.of(url.toURI()))) {
			dirs = children.filter(Files::isDirectory).sorted().toList();
		}
		assertThat(dirs).as("cases under %s", folder).isNotEmpty();
		return dirs.stream();
	}

	private static void checkGooseCase(Path dir) throws IOException {
		Properties expect = expectations(dir, GOOSE_KEYS);
		String file = "golden/goose/" + dir.getFileName() + "/input.sql";
		String text = SourceText.decode(file, Files.readAllBytes(dir.resolve("input.sql")));

		GooseScript script = GooseParser.parse(file, text, environment(expect), rules(expect));

		assertThat(script.transactional()).as("transactional")
			.isEqualTo(Boolean.parseBoolean(expect.getProperty("transactional", "true")));
		if (Boolean.parseBoolean(expect.getProperty("error.both", "false"))) {
			assertThat(script.up().error()).as("up error").isNotNull();
			assertThat(script.down().error()).as("a structural error invalidates both sections")
				.isSameAs(script.up().error());
			checkError("", script.up(), file, expect);
			assertNoExpectedStatements(dir, "up");
			assertNoExpectedStatements(dir, "down");
			return;
		}
		checkSection("up", script.up(), dir, file, expect);
		checkSection("down", script.down(), dir, file, expect);
	}

	private static void checkPlainCase(Path dir) throws IOException {
		Properties expect = expectations(dir, PLAIN_KEYS);
		String file = "golden/plain/" + dir.getFileName() + "/input.sql";
		String text = SourceText.decode(file, Files.readAllBytes(dir.resolve("input.sql")));

		ParsedSection section = PlainSqlParser.parse(file, text, rules(expect));

		if (expect.containsKey("error.line") || expect.containsKey("error.contains")) {
			checkError("", section, file, expect);
			assertNoExpectedStatements(dir, "statements");
		}
		else {
			checkStatements("statements", section, dir, expect.getProperty("lines"));
		}
	}

	private static void checkSection(String name, ParsedSection section, Path dir, String file, Properties expect)
			throws IOException {
		String prefix = name + ".";
		if (expect.containsKey(prefix + "error.line") || expect.containsKey(prefix + "error.contains")) {
			checkError(prefix, section, file, expect);
			assertNoExpectedStatements(dir, name);
		}
		else {
			checkStatements(name, section, dir, expect.getProperty(prefix + "lines"));
		}
	}

	private static void checkError(String prefix, ParsedSection section, String file, Properties expect) {
		assertThat(expect.getProperty(prefix + "error.line")).as("%serror.line must be given", prefix).isNotNull();
		assertThat(expect.getProperty(prefix + "error.contains")).as("%serror.contains must be given", prefix)
			.isNotNull();
		MigrationParseException error = section.error();
		assertThat(error).as("%serror (statements were %s)", prefix, section.statements()).isNotNull();
		assertThat(section.isValid()).isFalse();
		assertThat(section.statements()).isEmpty();
		assertThat(error.file()).isEqualTo(file);
		assertThat(error.line()).as("line of: %s", error.getMessage())
			.isEqualTo(Integer.parseInt(expect.getProperty(prefix + "error.line")));
		assertThat(error.reason()).contains(expect.getProperty(prefix + "error.contains"));
	}

	private static void checkStatements(String name, ParsedSection section, Path dir, String lines) throws IOException {
		assertThat(section.error()).as("%s error", name).isNull();
		assertThat(section.isValid()).isTrue();
		List<String> expected = expectedStatements(dir.resolve(name));
		List<String> actual = section.statements().stream().map(SqlStatement::sql).toList();
		for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
			assertThat(actual.get(i)).as("%s statement %d", name, i + 1).isEqualTo(expected.get(i));
		}
		assertThat(actual).as("%s statements", name).hasSameSizeAs(expected);
		if (lines != null) {
			List<Integer> expectedLines = Arrays.stream(lines.split(","))
				.map(String::strip)
				.map(Integer::valueOf)
				.toList();
			assertThat(section.statements()).extracting(SqlStatement::line)
				.as("%s statement lines", name)
				.containsExactlyElementsOf(expectedLines);
		}
	}

	private static List<String> expectedStatements(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		List<Path> files;
		try (Stream<Path> children = Files.list(folder)) {
			files = children.sorted().toList();
		}
		List<String> statements = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			String expectedName = String.format("%02d.sql", i + 1);
			// A gap or a stray file would silently drop an expected statement.
			assertThat(files.get(i).getFileName().toString()).as("files in %s", folder).isEqualTo(expectedName);
			statements.add(Files.readString(files.get(i), StandardCharsets.UTF_8));
		}
		return statements;
	}

	private static void assertNoExpectedStatements(Path dir, String name) {
		assertThat(dir.resolve(name)).as("a case expecting an error has no %s folder", name).doesNotExist();
	}

	/**
	 * The lexical rules of the case's {@code database} (sqlite, postgresql, mysql), or
	 * those for one not known.
	 */
	private static LexicalRules rules(Properties expect) {
		return switch (expect.getProperty("database", "")) {
			case "sqlite" -> LexicalRules.SQLITE;
			case "postgresql" -> LexicalRules.POSTGRESQL;
			case "mysql" -> LexicalRules.MYSQL;
			case "" -> LexicalRules.UNKNOWN_DATABASE;
			default -> throw new IllegalArgumentException("unknown database " + expect.getProperty("database"));
		};
	}

	private static Properties expectations(Path dir, Set<String> allowed) throws IOException {
		assertThat(dir.resolve("input.sql")).exists();
		Properties expect = new Properties();
		Path file = dir.resolve("expect.properties");
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				expect.load(reader);
			}
		}
		for (String key : expect.stringPropertyNames()) {
			if (!allowed.contains(key) && !(allowed == GOOSE_KEYS && key.startsWith("env."))) {
				fail("unknown key %s in %s", key, file);
			}
		}
		return expect;
	}

	private static Map<String, String> environment(Properties expect) {
		Map<String, String> environment = new HashMap<>();
		for (String key : expect.stringPropertyNames()) {
			if (key.startsWith("env.")) {
				environment.put(key.substring("env.".length()), expect.getProperty(key));
			}
		}
		return environment;
	}

}
