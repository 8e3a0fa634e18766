package dev.migrations.parser;

import java.util.List;
import java.util.Map;

import dev.migrations.MigrationParseException;

/**
 * Parses a goose SQL migration: the {@code -- +goose} annotations with goose's own rules
 * (an annotation line starts at column 0, is matched without regard to case, and an
 * unknown one is an error), statements split by {@link StatementSplitter},
 * {@code StatementBegin}/{@code StatementEnd} blocks kept whole, and {@code ENVSUB ON}
 * lines expanded from the environment.
 *
 * <p>
 * Errors that break the file's structure (a misplaced or unknown annotation) make both
 * sections invalid. An error inside one section (a missing semicolon, an unterminated
 * string, a required variable that is unset) makes only that section invalid, so that a
 * broken Down section does not stop {@code up}, as in goose.
 */
public final class GooseParser {

	private enum State {

		START, UP, UP_BLOCK, DOWN, DOWN_BLOCK

	}

	private final String file;

	private final Map<String, String> environment;

	private final Section up;

	private final Section down;

	private State state = State.START;

	private boolean transactional = true;

	private boolean envsub;

	private GooseParser(String file, Map<String, String> environment, LexicalRules rules) {
		this.file = file;
		this.environment = environment;
		this.up = new Section(file, rules);
		this.down = new Section(file, rules);
	}

	/**
	 * Parses a goose migration file.
	 * @param file the file's location, for errors
	 * @param text the file's text (see {@link SourceText})
	 * @param environment the variables {@code ENVSUB ON} expands
	 * @return both sections, each with its statements or its error
	 */
	public static GooseScript parse(String file, String text, Map<String, String> environment) {
		return parse(file, text, environment, LexicalRules.UNKNOWN_DATABASE);
	}

	/**
	 * Parses a goose migration file for a database.
	 * @param file the file's location, for errors
	 * @param text the file's text (see {@link SourceText})
	 * @param environment the variables {@code ENVSUB ON} expands
	 * @param rules the database's lexical rules
	 * @return both sections, each with its statements or its error
	 */
	public static GooseScript parse(String file, String text, Map<String, String> environment, LexicalRules rules) {
		GooseParser parser = new GooseParser(file, environment, rules);
		try {
			parser.parseLines(text);
		}
		catch (MigrationParseException ex) {
			return new GooseScript(ParsedSection.failed(ex), ParsedSection.failed(ex), parser.transactional);
		}
		return new GooseScript(parser.checked(parser.up.result()), parser.checked(parser.down.result()),
				parser.transactional);
	}

	/**
	 * A section of a transactional file may not hold its own transaction control: a
	 * {@code COMMIT} would end the migration's transaction halfway, leave what came
	 * before applied, and make a later failure look rolled back.
	 */
	private ParsedSection checked(ParsedSection section) {
		if (!this.transactional || !section.isValid()) {
			return section;
		}
		for (SqlStatement statement : section.statements()) {
			if (statement.controlsTransaction()) {
				return ParsedSection.failed(error(statement.line(), "'" + String.join(" ", statement.leadingKeywords(2))
						+ "' controls the transaction, but the migration already runs in one, which it would end halfway;"
						+ " remove it, or mark the file '-- +goose NO TRANSACTION' to run its statements as written"));
			}
		}
		return section;
	}

	private void parseLines(String text) {
		SourceText.forEachLine(text, this::line);
		finish();
	}

	private void line(String line, int number) {
		if (this.state == State.START && line.isBlank()) {
			return;
		}
		if (GooseAnnotation.isCandidate(line)) {
			annotation(line, number);
			return;
		}
		if (this.state == State.START) {
			if (line.strip().startsWith("--")) {
				return;
			}
			throw error(number,
					"SQL before the '-- +goose Up' annotation; every goose file starts with '-- +goose Up'");
		}
		Section section = currentSection();
		String expanded = line;
		if (this.envsub) {
			try {
				expanded = EnvSubstitution.expand(line, this.environment);
			}
			catch (IllegalArgumentException ex) {
				section.fail(error(number, "ENVSUB: " + ex.getMessage()));
				return;
			}
		}
		if (this.state == State.UP_BLOCK || this.state == State.DOWN_BLOCK) {
			section.blockLine(expanded, number);
		}
		else {
			section.line(expanded, number);
		}
	}

	private void annotation(String line, int number) {
		GooseAnnotation annotation;
		try {
			annotation = GooseAnnotation.parse(line);
		}
		catch (IllegalArgumentException ex) {
			throw error(number, ex.getMessage());
		}
		switch (annotation) {
			case UP -> {
				if (this.state != State.START) {
					throw error(number, "duplicate '-- +goose Up' annotation; a file has one Up section");
				}
				this.state = State.UP;
			}
			case DOWN -> {
				switch (this.state) {
					case START ->
						throw error(number, "'-- +goose Down' before '-- +goose Up'; the Up section comes first");
					case UP -> this.up.end();
					case UP_BLOCK, DOWN_BLOCK ->
						throw error(number, "'-- +goose Down' inside the StatementBegin block" + " opened at line "
								+ currentSection().blockStart + "; close it with '-- +goose StatementEnd'");
					default ->
						throw error(number, "duplicate '-- +goose Down' annotation; a file has one Down section");
				}
				this.state = State.DOWN;
			}
			case STATEMENT_BEGIN -> {
				switch (this.state) {
					case UP, DOWN -> currentSection().beginBlock(number);
					case START -> throw error(number, "'-- +goose StatementBegin' before '-- +goose Up'");
					default -> throw error(number, "'-- +goose StatementBegin' inside the block opened at line "
							+ currentSection().blockStart + "; close that one first with '-- +goose StatementEnd'");
				}
				this.state = (this.state == State.UP) ? State.UP_BLOCK : State.DOWN_BLOCK;
			}
			case STATEMENT_END -> {
				if (this.state != State.UP_BLOCK && this.state != State.DOWN_BLOCK) {
					throw error(number, "'-- +goose StatementEnd' without a '-- +goose StatementBegin' before it");
				}
				currentSection().endBlock();
				this.state = (this.state == State.UP_BLOCK) ? State.UP : State.DOWN;
			}
			case NO_TRANSACTION -> this.transactional = false;
			case ENVSUB_ON -> this.envsub = true;
			case ENVSUB_OFF -> this.envsub = false;
		}
	}

	private void finish() {
		switch (this.state) {
			case START -> throw error(0, "no '-- +goose Up' annotation; every goose file starts with '-- +goose Up'");
			case UP -> this.up.end();
			case DOWN -> this.down.end();
			case UP_BLOCK, DOWN_BLOCK -> {
				Section section = currentSection();
				section.fail(error(section.blockStart,
						"'-- +goose StatementBegin' has no matching '-- +goose StatementEnd'"));
			}
		}
	}

	private Section currentSection() {
		return (this.state == State.DOWN || this.state == State.DOWN_BLOCK) ? this.down : this.up;
	}

	private MigrationParseException error(int line, String reason) {
		return new MigrationParseException(this.file, line, reason);
	}

	/** One direction's statements, collected until its first error. */
	private static final class Section {

		private final String file;

		private final StatementSplitter splitter;

		private final StringBuilder block = new StringBuilder();

		private List<SqlStatement> statements = List.of();

		private MigrationParseException error;

		private int blockStart;

		private int blockFirstLine;

		Section(String file, LexicalRules rules) {
			this.file = file;
			this.splitter = new StatementSplitter(file, true, rules);
		}

		void line(String line, int number) {
			if (this.error == null) {
				try {
					this.splitter.feed(line, number);
				}
				catch (MigrationParseException ex) {
					fail(ex);
				}
			}
		}

		void beginBlock(int number) {
			if (this.error == null && this.splitter.hasPendingStatement()) {
				fail(new MigrationParseException(this.file, this.splitter.pendingLine(),
						"statement is not terminated with a semicolon before the StatementBegin at line " + number));
			}
			this.splitter.dropPendingComments();
			this.blockStart = number;
			this.blockFirstLine = 0;
			this.block.setLength(0);
		}

		void blockLine(String line, int number) {
			if (this.blockFirstLine == 0) {
				// As in goose, comments and blank lines before the block's first
				// statement are dropped.
				String stripped = line.strip();
				if (stripped.isEmpty() || stripped.startsWith("--")) {
					this.splitter.comment(stripped);
					return;
				}
				this.blockFirstLine = number;
			}
			this.block.append(line).append('\n');
		}

		void endBlock() {
			String sql = this.block.toString().strip();
			if (this.error == null && !sql.isEmpty()) {
				this.splitter.block(new SqlStatement(sql, this.blockFirstLine));
			}
			this.block.setLength(0);
		}

		void end() {
			if (this.error == null) {
				try {
					this.statements = this.splitter.finish();
				}
				catch (MigrationParseException ex) {
					fail(ex);
				}
			}
		}

		void fail(MigrationParseException ex) {
			if (this.error == null) {
				this.error = ex;
			}
		}

		ParsedSection result() {
			return (this.error != null) ? ParsedSection.failed(this.error) : new ParsedSection(this.statements, null);
		}

	}

}
