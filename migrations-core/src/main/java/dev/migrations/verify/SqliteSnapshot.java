package dev.migrations.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Lists a SQLite database's schema from {@code sqlite_master} and the table pragmas.
 * Column order is left out, as a table rebuilt by a Down may list its columns in another
 * order; constraints SQLite names itself (the autoindexes of UNIQUE and PRIMARY KEY) are
 * keyed by their columns, since a rebuild renumbers them.
 */
public final class SqliteSnapshot {

	/**
	 * The words that open a table constraint rather than a column in a CREATE TABLE's
	 * list.
	 */
	private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

	private final Connection connection;

	private final Set<String> excluded;

	private final Map<String, String> objects = new TreeMap<>();

	private SqliteSnapshot(Connection connection, Set<String> excluded) {
		this.connection = connection;
		this.excluded = excluded.stream().map((name) -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
	}

	public static SchemaSnapshot take(Connection connection, Set<String> excluded) throws SQLException {
		SqliteSnapshot snapshot = new SqliteSnapshot(connection, excluded);
		snapshot.read();
		return new SchemaSnapshot(new TreeMap<>(snapshot.objects));
	}

	private void read() throws SQLException {
		Map<String, String> indexSql = new TreeMap<>();
		List<String[]> rows = new ArrayList<>();
		try (Statement query = this.connection.createStatement();
				ResultSet result = query.executeQuery(
						"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
			while (result.next()) {
				String[] row = { result.getString(1), result.getString(2), result.getString(3), result.getString(4) };
				if (!this.excluded.contains(row[2].toLowerCase(Locale.ROOT))) {
					rows.add(row);
				}
			}
		}
		for (String[] row : rows) {
			if (row[0].equals("index") && row[3] != null) {
				indexSql.put(row[1], row[3]);
			}
		}
		for (String[] row : rows) {
			switch (row[0]) {
				case "table" -> table(row[1], row[3], indexSql);
				case "view" -> this.objects.put("view " + row[1], SqlText.normalize(row[3]));
				case "trigger" -> this.objects.put("trigger " + row[2] + "." + row[1], SqlText.normalize(row[3]));
				default -> {
					// Indexes are read with their table, from its pragmas.
				}
			}
		}
	}

	private void table(String name, String sql, Map<String, String> indexSql) throws SQLException {
		List<String> tokens = SqlText.tokens(sql);
		if (tokens.size() > 1 && tokens.get(1).equals("VIRTUAL")) {
			int using = tokens.indexOf("USING");
			String module = SqlText.join(tokens.subList(Math.max(using, 0), tokens.size()));
			this.objects.put("table " + name, "virtual table " + module);
			columns(name, Map.of());
			return;
		}
		int open = Math.max(tokens.indexOf("("), 0);
		int close = SqlText.closing(tokens, open);
		String options = SqlText.join(tokens.subList(Math.min(close + 1, tokens.size()), tokens.size()));
		this.objects.put("table " + name, "table" + (tokens.contains("AUTOINCREMENT") ? " AUTOINCREMENT" : "")
				+ (options.isEmpty() ? "" : " " + options));
		List<String> definition = tokens.subList(open + 1, close);
		columns(name, writtenClauses(definition));
		checks(name, definition);
		indexes(name, indexSql);
		foreignKeys(name);
	}

	private void columns(String table, Map<String, Written> written) throws SQLException {
		TreeMap<Integer, String> primaryKey = new TreeMap<>();
		for (List<String> column : rows(
				"SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)", table)) {
			Written clauses = written.getOrDefault(column.get(0).toLowerCase(Locale.ROOT), Written.NONE);
			List<String> parts = new ArrayList<>();
			String type = SqlText.normalize(column.get(1)).toUpperCase(Locale.ROOT);
			parts.add(type.isEmpty() ? "untyped" : type);
			if (clauses.collation() != null) {
				parts.add("COLLATE " + clauses.collation());
			}
			if (column.get(2).equals("1")) {
				parts.add("NOT NULL");
			}
			if (column.get(3) != null) {
				parts.add("DEFAULT " + SqlText.normalize(column.get(3)));
			}
			if (column.get(5).equals("2") || column.get(5).equals("3")) {
				String storage = column.get(5).equals("2") ? " VIRTUAL" : " STORED";
				parts.add("GENERATED ALWAYS AS " + clauses.expression() + storage);
			}
			this.objects.put("column " + table + "." + column.get(0), String.join(" ", parts));
			int position = Integer.parseInt(column.get(4));
			if (position > 0) {
				primaryKey.put(position, column.get(0));
			}
		}
		if (!primaryKey.isEmpty()) {
			this.objects.put("constraint " + table + ".PRIMARY KEY",
					"PRIMARY KEY (" + String.join(", ", primaryKey.values()) + ")");
		}
	}

	/**
	 * A column's collation and generation expression appear in no pragma: they are read
	 * from the column's definition in the table's SQL, by the column's name in lower
	 * case.
	 */
	private static Map<String, Written> writtenClauses(List<String> definition) {
		Map<String, Written> clauses = new HashMap<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i <= definition.size(); i++) {
			String token = (i < definition.size()) ? definition.get(i) : ",";
			depth += token.equals("(") ? 1 : token.equals(")") ? -1 : 0;
			if (token.equals(",") && depth == 0) {
				List<String> column = definition.subList(start, i);
				if (!column.isEmpty() && !TABLE_CONSTRAINTS.contains(column.get(0))) {
					clauses.put(unquoted(column.get(0)), Written.of(column));
				}
				start = i + 1;
			}
		}
		return clauses;
	}

	private static String unquoted(String identifier) {
		return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
				: identifier.toLowerCase(Locale.ROOT);
	}

	/** CHECK constraints appear in no pragma: they are read from the table's SQL. */
	private void checks(String table, List<String> definition) {
		TreeSet<String> unnamed = new TreeSet<>();
		for (int i = 0; i < definition.size() - 1; i++) {
			if (!definition.get(i).equals("CHECK") || !definition.get(i + 1).equals("(")) {
				continue;
			}
			int end = SqlText.closing(definition, i + 1);
			String check = SqlText.join(definition.subList(i, Math.min(end + 1, definition.size())));
			if (i >= 2 && definition.get(i - 2).equals("CONSTRAINT")) {
				this.objects.put("constraint " + table + "." + definition.get(i - 1), check);
			}
			else {
				unnamed.add(check);
			}
			i = end;
		}
		if (!unnamed.isEmpty()) {
			this.objects.put("constraint " + table + ".CHECK", String.join("; ", unnamed));
		}
	}

	private void indexes(String table, Map<String, String> indexSql) throws SQLException {
		for (List<String> index : rows("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", table)) {
			String origin = index.get(2);
			if (origin.equals("pk")) {
				continue;
			}
			List<String> names = new ArrayList<>();
			List<String> columns = new ArrayList<>();
			boolean expression = false;
			for (List<String> column : rows(
					"SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo(?) WHERE key = 1" + " ORDER BY seqno",
					index.get(0))) {
				expression |= column.get(0).equals("-2");
				String name = column.get(0).equals("-1") ? "rowid" : column.get(1);
				names.add(name);
				columns.add(name + (column.get(2).equals("1") ? " DESC" : "")
						+ ("BINARY".equalsIgnoreCase(column.get(3)) ? "" : " COLLATE " + column.get(3)));
			}
			if (origin.equals("u")) {
				this.objects.put("constraint " + table + ".UNIQUE (" + String.join(", ", names) + ")",
						"UNIQUE (" + String.join(", ", columns) + ")");
				continue;
			}
			String unique = index.get(1).equals("1") ? "UNIQUE " : "";
			String definition = (expression || index.get(3).equals("1")) ? fromSql(indexSql.get(index.get(0)))
					: "(" + String.join(", ", columns) + ")";
			this.objects.put("index " + table + "." + index.get(0), unique + definition);
		}
	}

	/**
	 * An index on expressions, or a partial one: its column list and WHERE clause as
	 * written.
	 */
	private static String fromSql(String sql) {
		List<String> tokens = SqlText.tokens(sql);
		int open = tokens.indexOf("(");
		return (open < 0) ? SqlText.join(tokens) : SqlText.join(tokens.subList(open, tokens.size()));
	}

	private void foreignKeys(String table) throws SQLException {
		Map<String, List<List<String>>> keys = new TreeMap<>();
		for (List<String> row : rows("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete, \"match\""
				+ " FROM pragma_foreign_key_list(?) ORDER BY id, seq", table)) {
			keys.computeIfAbsent(row.get(0), (id) -> new ArrayList<>()).add(row);
		}
		Map<String, TreeSet<String>> definitions = new TreeMap<>();
		for (List<List<String>> key : keys.values()) {
			List<String> first = key.get(0);
			String from = key.stream().map((row) -> row.get(2)).collect(Collectors.joining(", "));
			boolean implicit = key.stream().allMatch((row) -> row.get(3) == null);
			String to = implicit ? "" : " ("
					+ key.stream().map((row) -> SqlText.normalize(row.get(3))).collect(Collectors.joining(", ")) + ")";
			String definition = "REFERENCES " + SqlText.normalize(first.get(1)) + to + " ON UPDATE " + first.get(4)
					+ " ON DELETE " + first.get(5) + ("NONE".equals(first.get(6)) ? "" : " MATCH " + first.get(6));
			definitions.computeIfAbsent("constraint " + table + ".FOREIGN KEY (" + from + ")", (k) -> new TreeSet<>())
				.add(definition);
		}
		definitions.forEach((k, references) -> this.objects.put(k, String.join("; ", references)));
	}

	private List<List<String>> rows(String sql, String argument) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (PreparedStatement query = this.connection.prepareStatement(sql)) {
			query.setString(1, argument);
			try (ResultSet result = query.executeQuery()) {
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					List<String> row = new ArrayList<>(columns);
					for (int i = 1; i <= columns; i++) {
						row.add(result.getString(i));
					}
					rows.add(row);
				}
			}
		}
		return rows;
	}

	/**
	 * What a column's definition says that no pragma tells.
	 *
	 * @param collation its COLLATE, or {@code null}
	 * @param expression its generation expression in parentheses, or {@code null}
	 */
	private record Written(String collation, String expression) {

		static final Written NONE = new Written(null, null);

		static Written of(List<String> column) {
			String collation = null;
			String expression = null;
			// Only the column's own clauses count, not words inside its CHECK or DEFAULT
			// expressions.
			int depth = 0;
			for (int i = 1; i < column.size() - 1; i++) {
				String token = column.get(i);
				if (depth == 0 && token.equals("COLLATE")) {
					collation = column.get(i + 1).toUpperCase(Locale.ROOT);
				}
				else if (depth == 0 && token.equals("AS") && column.get(i + 1).equals("(")) {
					int end = Math.min(SqlText.closing(column, i + 1) + 1, column.size());
					expression = SqlText.join(column.subList(i + 1, end));
				}
				depth += token.equals("(") ? 1 : token.equals(")") ? -1 : 0;
			}
			return new Written(collation, expression);
		}

	}

}
