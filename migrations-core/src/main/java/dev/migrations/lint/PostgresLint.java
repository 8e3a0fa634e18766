package dev.migrations.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrations.LintFinding;
import dev.migrations.MigrationFormat;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.Dialects;
import dev.migrations.format.Migration;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.format.MigrationScript;
import dev.migrations.lint.Tokens.Kind;
import dev.migrations.lint.Tokens.Token;
import dev.migrations.parser.SqlStatement;

/**
 * Finds the statements of PostgreSQL migrations that take strong locks on tables that
 * already exist, rewrite or scan them under such a lock, or break the running application
 * ({@link LintRule}). It reads the statements the engine's lexer split, one migration's
 * Up section at a time; a table the same migration creates is new, so what the migration
 * does to it is not flagged. A statement is silenced by a comment before it (or after it
 * on its last line), {@code -- lint-ignore: rule-id the reason}, naming one rule or
 * several separated by commas; without a reason it silences nothing.
 */
public final class PostgresLint {

	private static final Pattern IGNORE = Pattern
		.compile("lint-ignore:?\\s+([a-z-]+(?:\\s*,\\s*[a-z-]+)*)(?:\\s*[:\\-]?\\s*(.*))?");

	/**
	 * Functions whose value differs per row, so that a default from them rewrites the
	 * table.
	 */
	private static final Set<String> VOLATILE = Set.of("RANDOM", "GEN_RANDOM_UUID", "UUID_GENERATE_V1",
			"UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "CLOCK_TIMESTAMP", "TIMEOFDAY", "NEXTVAL", "TXID_CURRENT");

	private static final Set<String> SERIAL = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4",
			"SERIAL8");

	private static final Dialect POSTGRESQL = Dialects.forProduct("PostgreSQL");

	private final List<LintFinding> findings = new ArrayList<>();

	private final Migration migration;

	private final Set<String> createdTables = new HashSet<>();

	private final Set<String> createdIndexes = new HashSet<>();

	private final Set<String> validatedTables = new HashSet<>();

	private SqlStatement statement;

	private PostgresLint(Migration migration) {
		this.migration = migration;
	}

	/**
	 * Lints the Up sections of a catalog's migrations. Sections that do not parse are
	 * left to validation; Java migrations have no statements to read.
	 * @param catalog the migrations
	 * @param versions which versions to lint
	 * @return the findings, in version and line order
	 */
	public static List<LintFinding> check(MigrationCatalog catalog, LongPredicate versions) {
		List<LintFinding> findings = new ArrayList<>();
		for (Migration migration : catalog.all()) {
			if (migration.code() == null && versions.test(migration.version())) {
				findings.addAll(new PostgresLint(migration).run());
			}
		}
		return findings;
	}

	private List<LintFinding> run() {
		MigrationScript up = this.migration.up();
		if (!up.isPresent() || up.section().error() != null) {
			return this.findings;
		}
		List<SqlStatement> statements = up.section().statements();
		boolean transactional = transactional(statements);
		boolean hasDdl = statements.stream().anyMatch(PostgresLint::isDdl);
		for (SqlStatement each : statements) {
			this.statement = each;
			List<Token> tokens = Tokens.of(each.sql());
			if (tokens.isEmpty()) {
				continue;
			}
			if (transactional && containsWord(tokens, "CONCURRENTLY")
					&& (tokens.get(0).is("CREATE") || tokens.get(0).is("DROP") || tokens.get(0).is("REINDEX"))) {
				report(LintRule.CONCURRENTLY_IN_TRANSACTION, "CONCURRENTLY in a migration that runs in a transaction");
			}
			switch (tokens.get(0).text()) {
				case "CREATE" -> create(tokens);
				case "DROP" -> drop(tokens);
				case "ALTER" -> alter(tokens);
				case "VACUUM" -> {
					if (containsWord(tokens, "FULL")) {
						report(LintRule.VACUUM_FULL_OR_CLUSTER, "VACUUM FULL rewrites its tables");
					}
				}
				case "CLUSTER" -> report(LintRule.VACUUM_FULL_OR_CLUSTER, "CLUSTER rewrites its table");
				case "UPDATE", "DELETE" -> {
					if (transactional && hasDdl && !containsWord(tokens, "WHERE")) {
						String table = targetOf(tokens);
						if (table == null || !this.createdTables.contains(table)) {
							report(LintRule.DDL_WITH_FULL_UPDATE, tokens.get(0).text() + " of every row of " + table
									+ " in the same transaction as DDL");
						}
					}
				}
				default -> {
				}
			}
		}
		return this.findings;
	}

	/**
	 * Whether the Up section runs in a transaction, as the engine runs it on PostgreSQL.
	 */
	private boolean transactional(List<SqlStatement> statements) {
		if (this.migration.format() == MigrationFormat.GOOSE) {
			return !this.migration.noTransaction();
		}
		boolean own = statements.stream().anyMatch(SqlStatement::controlsTransaction);
		boolean lone = statements.size() == 1 && POSTGRESQL.cannotRunInTransaction(statements.get(0));
		return !own && !lone;
	}

	private static boolean isDdl(SqlStatement statement) {
		List<String> words = statement.leadingKeywords(1);
		return !words.isEmpty() && Set.of("CREATE", "ALTER", "DROP").contains(words.get(0));
	}

	private void create(List<Token> tokens) {
		int i = 1;
		while (i < tokens.size() && (tokens.get(i).is("OR") || tokens.get(i).is("REPLACE") || tokens.get(i).is("UNIQUE")
				|| tokens.get(i).is("TEMP") || tokens.get(i).is("TEMPORARY") || tokens.get(i).is("UNLOGGED")
				|| tokens.get(i).is("GLOBAL") || tokens.get(i).is("LOCAL"))) {
			i++;
		}
		if (i >= tokens.size()) {
			return;
		}
		if (tokens.get(i).is("TABLE")) {
			i = skipIfExists(tokens, i + 1, "NOT");
			String table = lastPart(tokens, i);
			if (table != null) {
				this.createdTables.add(table);
			}
		}
		else if (tokens.get(i).is("INDEX")) {
			boolean concurrently = containsWord(tokens, "CONCURRENTLY");
			int on = indexOfWord(tokens, "ON", i);
			int name = skipIfExists(tokens, i + 1 + (concurrently ? 1 : 0), "NOT");
			if (name < on) {
				this.createdIndexes.add(lastPart(tokens, name));
			}
			if (on < 0) {
				return;
			}
			int target = (on + 1 < tokens.size() && tokens.get(on + 1).is("ONLY")) ? on + 2 : on + 1;
			String table = lastPart(tokens, target);
			if (!concurrently && table != null && !this.createdTables.contains(table)) {
				report(LintRule.INDEX_NOT_CONCURRENT, "CREATE INDEX on " + table + " without CONCURRENTLY");
			}
		}
	}

	private void drop(List<Token> tokens) {
		if (tokens.size() < 2) {
			return;
		}
		if (tokens.get(1).is("INDEX")) {
			boolean concurrently = tokens.size() > 2 && tokens.get(2).is("CONCURRENTLY");
			int i = skipIfExists(tokens, concurrently ? 3 : 2, null);
			String index = lastPart(tokens, i);
			if (!concurrently && index != null && !this.createdIndexes.contains(index)) {
				report(LintRule.INDEX_NOT_CONCURRENT, "DROP INDEX " + index + " without CONCURRENTLY");
			}
		}
		else if (tokens.get(1).is("TABLE")) {
			for (String table : names(tokens, skipIfExists(tokens, 2, null))) {
				if (!this.createdTables.contains(table)) {
					report(LintRule.DROP_TABLE, "DROP TABLE " + table);
				}
			}
		}
	}

	private void alter(List<Token> tokens) {
		if (tokens.size() < 3 || !tokens.get(1).is("TABLE")) {
			return;
		}
		int i = skipIfExists(tokens, 2, null);
		if (i < tokens.size() && tokens.get(i).is("ONLY")) {
			i++;
		}
		String table = lastPart(tokens, i);
		if (table == null || this.createdTables.contains(table)) {
			return;
		}
		i = afterName(tokens, i);
		if (i < tokens.size() && tokens.get(i).isSymbol('*')) {
			i++;
		}
		for (List<Token> action : actions(tokens, i)) {
			alterAction(table, action);
		}
	}

	private void alterAction(String table, List<Token> action) {
		if (action.isEmpty()) {
			return;
		}
		Token first = action.get(0);
		Token second = (action.size() > 1) ? action.get(1) : new Token(Kind.SYMBOL, ";");
		if (first.is("ADD")) {
			addAction(table, action);
		}
		else if (first.is("ALTER")) {
			int column = second.is("COLUMN") ? 2 : 1;
			String name = (column < action.size()) ? action.get(column).name() : "?";
			if (containsWord(action, "TYPE")) {
				report(LintRule.ALTER_COLUMN_TYPE, "ALTER COLUMN " + name + " TYPE on " + table);
			}
			else if (containsSequence(action, "SET", "NOT", "NULL") && !this.validatedTables.contains(table)) {
				report(LintRule.SET_NOT_NULL, "SET NOT NULL on " + table + "." + name);
			}
		}
		else if (first.is("DROP") && !second.is("CONSTRAINT")) {
			int column = skipIfExists(action, second.is("COLUMN") ? 2 : 1, null);
			String name = (column < action.size()) ? action.get(column).name() : "?";
			report(LintRule.DROP_COLUMN, "DROP COLUMN " + table + "." + name);
		}
		else if (first.is("RENAME")) {
			if (second.is("TO")) {
				report(LintRule.RENAME_TABLE, "RENAME of table " + table);
			}
			else if (!second.is("CONSTRAINT")) {
				int column = second.is("COLUMN") ? 2 : 1;
				String name = (column < action.size()) ? action.get(column).name() : "?";
				report(LintRule.RENAME_COLUMN, "RENAME COLUMN " + table + "." + name);
			}
		}
		else if (first.is("VALIDATE")) {
			this.validatedTables.add(table);
		}
	}

	private void addAction(String table, List<Token> action) {
		int i = 1;
		if (i < action.size() && action.get(i).is("CONSTRAINT")) {
			i += 2;
		}
		Token kind = (i < action.size()) ? action.get(i) : new Token(Kind.SYMBOL, ";");
		if (kind.is("FOREIGN") || kind.is("CHECK")) {
			if (!containsSequence(action, "NOT", "VALID")) {
				report(LintRule.CONSTRAINT_NOT_VALID, "ADD " + (kind.is("CHECK") ? "CHECK" : "FOREIGN KEY")
						+ " constraint on " + table + " without NOT VALID");
			}
			return;
		}
		if (kind.is("UNIQUE") || kind.is("PRIMARY")) {
			if (!containsSequence(action, "USING", "INDEX")) {
				report(LintRule.UNIQUE_WITHOUT_INDEX, "ADD " + (kind.is("UNIQUE") ? "UNIQUE" : "PRIMARY KEY") + " on "
						+ table + " without USING INDEX");
			}
			return;
		}
		if (kind.is("EXCLUDE")) {
			return;
		}
		// A column: ADD [COLUMN] [IF NOT EXISTS] name type ...
		int column = skipIfExists(action, kind.is("COLUMN") ? i + 1 : i, "NOT");
		String name = (column < action.size()) ? action.get(column).name() : "?";
		boolean serial = column + 1 < action.size() && SERIAL.contains(action.get(column + 1).text());
		int defaultAt = indexOfWord(action, "DEFAULT", column);
		boolean volatileDefault = defaultAt >= 0 && action.subList(defaultAt + 1, action.size())
			.stream()
			.anyMatch((token) -> token.kind() == Kind.WORD && VOLATILE.contains(token.text()));
		boolean stored = containsWord(action, "GENERATED") && containsWord(action, "STORED");
		if (serial || volatileDefault || stored) {
			report(LintRule.VOLATILE_DEFAULT, "ADD COLUMN " + table + "." + name + " with "
					+ (serial ? "a serial type" : stored ? "a stored generated value" : "a volatile default"));
		}
		if (containsWord(action, "UNIQUE") || containsSequence(action, "PRIMARY", "KEY")) {
			report(LintRule.UNIQUE_WITHOUT_INDEX, "ADD COLUMN " + table + "." + name + " with a UNIQUE or PRIMARY KEY"
					+ " constraint, which builds its index under the table's lock");
		}
	}

	private void report(LintRule rule, String message) {
		String reason = ignoreReason(rule);
		if (reason != null && !reason.isBlank()) {
			return;
		}
		String note = (reason != null) ? " (its lint-ignore gives no reason, so it does not count)" : "";
		this.findings.add(new LintFinding(this.migration.up().location(), this.statement.line(), rule.id(),
				message + note, rule.why(), rule.safeWay()));
	}

	/**
	 * The reason a lint-ignore comment gives for a rule: empty when it names the rule
	 * without one, {@code null} when none names it.
	 */
	private String ignoreReason(LintRule rule) {
		List<String> comments = new ArrayList<>(this.statement.leadingComments());
		for (String line : this.statement.sql().split("\n")) {
			int comment = line.indexOf("--");
			if (comment >= 0) {
				comments.add(line.substring(comment));
			}
		}
		for (String comment : comments) {
			Matcher matcher = IGNORE.matcher(comment);
			if (matcher.find()) {
				for (String id : matcher.group(1).split("\\s*,\\s*")) {
					if (id.equals(rule.id())) {
						return (matcher.group(2) != null) ? matcher.group(2).strip() : "";
					}
				}
			}
		}
		return null;
	}

	/** The actions of an ALTER TABLE, split at the commas outside parentheses. */
	private static List<List<Token>> actions(List<Token> tokens, int from) {
		List<List<Token>> actions = new ArrayList<>();
		List<Token> current = new ArrayList<>();
		int depth = 0;
		for (int i = from; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.isSymbol('(')) {
				depth++;
			}
			else if (token.isSymbol(')')) {
				depth--;
			}
			if ((token.isSymbol(',') && depth == 0) || token.isSymbol(';')) {
				actions.add(current);
				current = new ArrayList<>();
			}
			else {
				current.add(token);
			}
		}
		actions.add(current);
		return actions;
	}

	/** Skips {@code IF EXISTS} (or {@code IF NOT EXISTS}, with {@code not}). */
	private static int skipIfExists(List<Token> tokens, int i, String not) {
		if (i < tokens.size() && tokens.get(i).is("IF")) {
			i++;
			if (not != null && i < tokens.size() && tokens.get(i).is(not)) {
				i++;
			}
			if (i < tokens.size() && tokens.get(i).is("EXISTS")) {
				i++;
			}
		}
		return i;
	}

	/** The object name starting at {@code i}, without its schema. */
	private static String lastPart(List<Token> tokens, int i) {
		if (i >= tokens.size() || (tokens.get(i).kind() != Kind.WORD && tokens.get(i).kind() != Kind.NAME)) {
			return null;
		}
		String name = tokens.get(i).name();
		while (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol('.')) {
			i += 2;
			name = tokens.get(i).name();
		}
		return name;
	}

	private static int afterName(List<Token> tokens, int i) {
		i++;
		while (i + 1 < tokens.size() && tokens.get(i).isSymbol('.')) {
			i += 2;
		}
		return i;
	}

	/** The names of a list ({@code a, s.b, c}) starting at {@code i}. */
	private static List<String> names(List<Token> tokens, int i) {
		List<String> names = new ArrayList<>();
		while (i < tokens.size()) {
			String name = lastPart(tokens, i);
			if (name == null) {
				break;
			}
			names.add(name);
			i = afterName(tokens, i);
			if (i < tokens.size() && tokens.get(i).isSymbol(',')) {
				i++;
			}
			else {
				break;
			}
		}
		return names;
	}

	/** The table an UPDATE or DELETE FROM writes. */
	private static String targetOf(List<Token> tokens) {
		int i = 1;
		if (tokens.get(0).is("DELETE") && i < tokens.size() && tokens.get(i).is("FROM")) {
			i++;
		}
		if (i < tokens.size() && tokens.get(i).is("ONLY")) {
			i++;
		}
		return lastPart(tokens, i);
	}

	private static boolean containsWord(List<Token> tokens, String word) {
		return indexOfWord(tokens, word, 0) >= 0;
	}

	private static int indexOfWord(List<Token> tokens, String word, int from) {
		for (int i = Math.max(0, from); i < tokens.size(); i++) {
			if (tokens.get(i).is(word)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean containsSequence(List<Token> tokens, String... words) {
		for (int i = 0; i + words.length <= tokens.size(); i++) {
			boolean match = true;
			for (int j = 0; j < words.length && match; j++) {
				match = tokens.get(i + j).is(words[j]);
			}
			if (match) {
				return true;
			}
		}
		return false;
	}

}
