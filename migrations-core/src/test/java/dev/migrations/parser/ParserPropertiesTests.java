package dev.migrations.parser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;

import dev.migrations.Direction;
import dev.migrations.MigrationFormat;
import dev.migrations.MigrationParseException;
import dev.migrations.format.Migration;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.format.MigrationLoader;
import dev.migrations.format.MigrationScript;
import dev.migrations.source.MigrationResource;
import dev.migrations.source.MigrationSources;
import dev.migrations.parser.SqlFragments.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Properties of the lexer and the parsers over generated files: statements built from
 * quotes, dollar quotes, comments and semicolons are split exactly where they end;
 * nothing but whitespace, comments and annotations is ever dropped; and whatever the
 * bytes, parsing ends, and fails only with its own parse error.
 *
 * <p>
 * A try that does not finish in ten seconds counts as a loop; the tries themselves take
 * milliseconds.
 */
class ParserPropertiesTests {

	private static final Duration LOOP = Duration.ofSeconds(10);

	private static final String FILE = "generated.sql";

	@Property(tries = 200)
	void gooseSplitsGeneratedStatementsWhereTheyEnd(@ForAll("gooseFiles") GeneratedFile file) {
		GooseScript script = within(() -> GooseParser.parse(FILE, SourceText.decode(FILE, file.bytes()), Map.of()));

		assertStatements(script.up(), file.up());
		assertStatements(script.down(), file.down());
	}

	@Property(tries = 200)
	void plainSqlSplitsGeneratedStatementsWhereTheyEnd(@ForAll("plainFiles") GeneratedFile file) {
		ParsedSection section = within(() -> PlainSqlParser.parse(FILE, SourceText.decode(FILE, file.bytes())));

		assertStatements(section, file.up());
	}

	@Property(tries = 300)
	@StatisticsReport(StatisticsReportMode.OFF)
	void joiningTheStatementsLeavesOutNothingButWhitespaceCommentsAndAnnotations(@ForAll("sqlSoup") String text) {
		GooseScript goose = within(() -> GooseParser.parse(FILE, "-- +goose Up\n" + text, Map.of()));
		ParsedSection plain = within(() -> PlainSqlParser.parse(FILE, text));

		boolean gooseParsed = goose.up().isValid() && goose.down().isValid();
		if (gooseParsed) {
			List<SqlStatement> statements = new ArrayList<>(goose.up().statements());
			statements.addAll(goose.down().statements());
			// goose takes annotation lines out of the text before it splits it; the plain
			// parser keeps them as comments.
			assertNothingButCommentsBetween(Lines.withoutAnnotations("-- +goose Up\n" + text), statements);
		}
		if (plain.isValid()) {
			assertNothingButCommentsBetween(Lines.of(text), plain.statements());
		}
		Statistics.label("goose parses").collect(gooseParsed);
		Statistics.label("plain parses").collect(plain.isValid());
		// Guards against a generator that makes the property vacuous: enough of the soup
		// must parse.
		Statistics.label("goose parses").coverage((checker) -> checker.check(true).percentage((p) -> p >= 5));
		Statistics.label("plain parses").coverage((checker) -> checker.check(true).percentage((p) -> p >= 5));
	}

	@Property(tries = 300)
	void anyBytesParseOrFailWithAParseErrorNamingTheFile(@ForAll("anyFiles") byte[] content) {
		int lines = lineCount(content);
		for (MigrationFormat format : List.of(MigrationFormat.GOOSE, MigrationFormat.GOLANG_MIGRATE)) {
			String name = (format == MigrationFormat.GOOSE) ? "00001_fuzz.sql" : "1_fuzz.up.sql";
			MigrationResource resource = MigrationResource.of(name, "memory/" + name, () -> content);
			MigrationLoader loader = new MigrationLoader(format, Map.of("A", "value of a", "B", "b"),
					Map.of("p", "p's"));

			MigrationCatalog catalog = within(
					() -> loader.load(List.of(MigrationSources.of("memory", List.of(resource)))));

			Migration migration = catalog.get(1);
			for (Direction direction : Direction.values()) {
				MigrationScript script = migration.script(direction);
				if (!script.isPresent()) {
					continue;
				}
				ParsedSection section = script.section();
				MigrationParseException error = section.error();
				if (error != null) {
					assertThat(error.file()).isEqualTo("memory/" + name);
					assertThat(error.line()).isBetween(0, lines);
					assertThat(error.getMessage()).startsWith("memory/" + name + (error.line() > 0 ? ":" : ": "));
				}
				for (SqlStatement statement : section.statements()) {
					assertThat(statement.sql()).isNotBlank().isEqualTo(statement.sql().strip());
					assertThat(statement.line()).isBetween(1, lines);
				}
			}
		}
	}

	// ---- Oracles
	// ------------------------------------------------------------------------------------------------

	private static void assertStatements(ParsedSection section, List<Expected> expected) {
		assertThat(section.error()).isNull();
		assertThat(section.statements()).extracting(SqlStatement::sql)
			.containsExactlyElementsOf(expected.stream().map(Expected::sql).toList());
		assertThat(section.statements()).extracting(SqlStatement::line)
			.containsExactlyElementsOf(expected.stream().map(Expected::line).toList());
	}

	/**
	 * Finds each statement in the text, in order, on the line it says it starts on, and
	 * checks that what lies between them (and around them) is only whitespace, line
	 * comments (annotations are line comments), block comments and lone semicolons (empty
	 * statements, which carry nothing).
	 */
	private static void assertNothingButCommentsBetween(Lines lines, List<SqlStatement> statements) {
		String text = lines.text();
		int end = 0;
		for (SqlStatement statement : statements) {
			int start = text.indexOf(statement.sql(), Math.max(end, lines.startOf(statement.line())));
			assertThat(start).as("statement %s found from line %d", statement.sql(), statement.line()).isNotNegative();
			assertThat(lines.lineAt(start)).as("line of %s", statement.sql()).isEqualTo(statement.line());
			assertOnlyCommentsAndWhitespace(text.substring(end, start));
			end = start + statement.sql().length();
		}
		assertOnlyCommentsAndWhitespace(text.substring(end));
	}

	private static void assertOnlyCommentsAndWhitespace(String gap) {
		int i = 0;
		while (i < gap.length()) {
			if (Character.isWhitespace(gap.charAt(i)) || gap.charAt(i) == ';') {
				i++;
			}
			else if (gap.startsWith("--", i)) {
				int lineEnd = gap.indexOf('\n', i);
				i = (lineEnd < 0) ? gap.length() : lineEnd + 1;
			}
			else if (gap.startsWith("/*", i)) {
				int commentEnd = SqlChars.endOfBlockComment(gap, i);
				assertThat(commentEnd).as("block comment closed in %s", gap).isPositive();
				i = commentEnd;
			}
			else {
				throw new AssertionError(
						"Text was dropped between statements: '" + gap.substring(i) + "' in '" + gap + "'");
			}
		}
	}

	private static int lineOf(String text, int offset) {
		return (int) text.substring(0, offset).chars().filter((c) -> c == '\n').count() + 1;
	}

	private static int lineCount(byte[] content) {
		int lines = 1;
		for (byte b : content) {
			if (b == '\n') {
				lines++;
			}
		}
		return lines;
	}

	private static <T> T within(Supplier<T> parse) {
		return assertTimeoutPreemptively(LOOP, parse::get, "parsing did not end: a loop");
	}

	/**
	 * A text with some lines taken out, which remembers the line each remaining character
	 * had in the original.
	 *
	 * @param text the remaining text
	 * @param originalLines the original line number of each remaining line, in order
	 * @param starts for each original line (from 1), the offset in {@code text} where it,
	 * or the next remaining line, starts
	 */
	record Lines(String text, List<Integer> originalLines, int[] starts) {

		static Lines of(String text) {
			return keeping(text, false);
		}

		static Lines withoutAnnotations(String text) {
			return keeping(text, true);
		}

		private static Lines keeping(String original, boolean dropAnnotations) {
			String[] lines = original.split("\n", -1);
			StringBuilder text = new StringBuilder();
			List<Integer> originalLines = new ArrayList<>();
			int[] starts = new int[lines.length + 2];
			for (int i = 0; i < lines.length; i++) {
				starts[i + 1] = text.length();
				if (dropAnnotations && GooseAnnotation.isCandidate(lines[i])) {
					continue;
				}
				originalLines.add(i + 1);
				text.append(lines[i]);
				if (i < lines.length - 1) {
					text.append('\n');
				}
			}
			starts[lines.length + 1] = text.length();
			return new Lines(text.toString(), originalLines, starts);
		}

		int startOf(int line) {
			return this.starts[line];
		}

		int lineAt(int offset) {
			return this.originalLines.get(lineOf(this.text, offset) - 1);
		}

	}

	// ---- Generated files
	// ----------------------------------------------------------------------------------------

	/** A statement the parser must return, and the line it starts on. */
	record Expected(String sql, int line) {
	}

	/**
	 * A generated file and what its sections must parse to.
	 *
	 * @param text the file, with LF line breaks
	 * @param crlf whether its bytes use CRLF instead
	 * @param up the Up section's (or the only section's) statements
	 * @param down the Down section's statements
	 */
	record GeneratedFile(String text, boolean crlf, List<Expected> up, List<Expected> down) {

		byte[] bytes() {
			return (this.crlf ? this.text.replace("\n", "\r\n") : this.text).getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			return (this.crlf ? "[CRLF] " : "") + this.text;
		}

	}

	/** Either one statement, or several in a goose StatementBegin block. */
	record Unit(List<Statement> statements, boolean block) {
	}

	@Provide
	Arbitrary<GeneratedFile> gooseFiles() {
		return Combinators
			.combine(units(true), units(true), SqlFragments.gaps().list().ofSize(14), Arbitraries.of(true, false))
			.as((up, down, gaps, crlf) -> {
				FileWriter writer = new FileWriter();
				writer.append("-- +goose Up\n");
				List<Expected> upStatements = writer.section(up, gaps.subList(0, 7));
				writer.append("\n-- +goose Down\n");
				List<Expected> downStatements = writer.section(down, gaps.subList(7, 14));
				return new GeneratedFile(writer.text(), crlf, upStatements, downStatements);
			});
	}

	@Provide
	Arbitrary<GeneratedFile> plainFiles() {
		return Combinators
			.combine(units(false), SqlFragments.gaps().list().ofSize(7), Arbitraries.of(true, false),
					Arbitraries.of(true, false))
			.as((units, gaps, crlf, lastWithoutSemicolon) -> {
				FileWriter writer = new FileWriter();
				List<Unit> written = units;
				if (lastWithoutSemicolon && !units.isEmpty()) {
					// golang-migrate files may leave out the last ';'.
					Statement last = units.get(units.size() - 1).statements().get(0);
					written = new ArrayList<>(units.subList(0, units.size() - 1));
					written.add(new Unit(List.of(new Statement(last.head(), "")), false));
				}
				List<Expected> statements = writer.section(written, gaps);
				return new GeneratedFile(writer.text(), crlf, statements, List.of());
			});
	}

	/**
	 * Well-formed fragments, stray semicolons, line breaks and annotations, in any order.
	 */
	@Provide
	Arbitrary<String> sqlSoup() {
		Arbitrary<String> pieces = Arbitraries.frequencyOf(Tuple.of(8, SqlFragments.fragments()),
				Tuple.of(3, Arbitraries.of(";", " ", "\n")),
				Tuple.of(2, Arbitraries.of("SELECT", "CREATE TRIGGER t BEGIN", "END", "CREATE FUNCTION")),
				Tuple.of(1, Arbitraries.of("\n-- +goose Down\n", "\n-- +goose StatementBegin\n",
						"\n-- +goose StatementEnd\n", "\n-- +goose NO TRANSACTION\n")));
		return pieces.list().ofMaxSize(20).map((list) -> String.join(" ", list));
	}

	/**
	 * Raw tokens, some broken, with bytes now and then mangled: a byte order mark,
	 * invalid UTF-8.
	 */
	@Provide
	Arbitrary<byte[]> anyFiles() {
		Arbitrary<String> texts = SqlFragments.rawTokens()
			.list()
			.ofMaxSize(40)
			.map((tokens) -> String.join("", tokens));
		Arbitrary<List<Integer>> damage = Arbitraries.integers().between(0, 1_000).list().ofMaxSize(3);
		Arbitrary<Boolean> bom = Arbitraries.of(true, false, false);
		return Combinators.combine(texts, damage, bom).as((text, positions, withBom) -> {
			byte[] utf8 = ((withBom ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);
			for (int position : positions) {
				if (utf8.length > 0) {
					utf8[position % utf8.length] = (byte) (0x80 + position % 0x80);
				}
			}
			return utf8;
		});
	}

	private static Arbitrary<List<Unit>> units(boolean blocks) {
		Arbitrary<Unit> single = SqlFragments.statements().map((statement) -> new Unit(List.of(statement), false));
		Arbitrary<Unit> block = SqlFragments.statements()
			.list()
			.ofMinSize(1)
			.ofMaxSize(3)
			.map((statements) -> new Unit(statements, true));
		Arbitrary<Unit> unit = blocks ? Arbitraries.frequencyOf(Tuple.of(3, single), Tuple.of(1, block)) : single;
		return unit.list().ofMaxSize(6);
	}

	/** Writes units and gaps, recording where each expected statement starts. */
	private static final class FileWriter {

		private final StringBuilder text = new StringBuilder();

		void append(String part) {
			this.text.append(part);
		}

		String text() {
			return this.text.toString();
		}

		List<Expected> section(List<Unit> units, List<String> gaps) {
			List<Expected> expected = new ArrayList<>();
			Statement previous = null;
			for (int i = 0; i < units.size(); i++) {
				Unit unit = units.get(i);
				// Two statements share a line when nothing after the first ';' would join
				// it (a comment would).
				boolean sameLine = previous != null && !unit.block() && previous.tail().equals(";") && i % 2 == 0
						&& Character.isLetter(unit.statements().get(0).head().charAt(0));
				if (previous != null) {
					this.text.append(sameLine ? " " : gaps.get(i));
				}
				if (unit.block()) {
					expected.add(block(unit.statements(), gaps.get(i)));
					previous = null;
				}
				else {
					Statement statement = unit.statements().get(0);
					expected.add(new Expected(statement.text().strip(), lineAt(this.text.length())));
					this.text.append(statement.text());
					previous = statement;
				}
			}
			this.text.append('\n');
			return expected;
		}

		private Expected block(List<Statement> statements, String gap) {
			if (this.text.length() > 0 && this.text.charAt(this.text.length() - 1) != '\n') {
				this.text.append('\n');
			}
			// Comment and blank lines before a block's first statement are dropped, as
			// goose drops them.
			this.text.append("-- +goose StatementBegin\n-- leading note\n\n");
			int start = this.text.length();
			for (int i = 0; i < statements.size(); i++) {
				if (i > 0) {
					this.text.append(gap);
				}
				this.text.append(statements.get(i).text());
			}
			String sql = this.text.substring(start).strip();
			this.text.append("\n-- +goose StatementEnd\n");
			return new Expected(sql, lineAt(start));
		}

		private int lineAt(int offset) {
			return lineOf(this.text.toString(), offset);
		}

	}

}
