package dev.migrations.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.migrations.MigrationFormat;
import dev.migrations.lock.ConnectionSource;
import dev.migrations.lock.DatabaseLock;
import dev.migrations.lock.SqliteFileLock;
import dev.migrations.parser.LexicalRules;
import dev.migrations.parser.SqliteKeywords;
import dev.migrations.parser.SqlStatement;
import dev.migrations.verify.SchemaSnapshot;
import dev.migrations.verify.SqliteSnapshot;

/** SQLite, through the xerial sqlite-jdbc driver. */
final class SqliteDialect implements Dialect {

	private static final int SQLITE_BUSY = 5;

	private static final int SQLITE_LOCKED = 6;

	@Override
	public LexicalRules lexicalRules() {
		return LexicalRules.SQLITE;
	}

	@Override
	public String vendor() {
		return "sqlite";
	}

	@Override
	public boolean tableExists(Connection connection, TableName table) throws SQLException {
		String master = (table.schema() != null) ? "\"" + table.schema() + "\".sqlite_master" : "sqlite_master";
		try (PreparedStatement query = connection
			.prepareStatement("SELECT count(*) FROM " + master + " WHERE type = 'table' AND name = ?")) {
			query.setString(1, table.name());
			try (ResultSet result = query.executeQuery()) {
				return result.next() && result.getInt(1) > 0;
			}
		}
	}

	@Override
	public List<String> tables(Connection connection, String schema) throws SQLException {
		String master = (schema != null) ? "\"" + schema + "\".sqlite_master" : "sqlite_master";
		List<String> tables = new ArrayList<>();
		try (Statement query = connection.createStatement();
				ResultSet result = query.executeQuery("SELECT name FROM " + master
						+ " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
			while (result.next()) {
				tables.add(result.getString(1));
			}
		}
		return tables;
	}

	@Override
	public Optional<Path> databaseFile(Connection connection) throws SQLException {
		try (Statement query = connection.createStatement();
				ResultSet result = query.executeQuery("PRAGMA database_list")) {
			while (result.next()) {
				String file = result.getString(3);
				if ("main".equals(result.getString(2)) && file != null && !file.isEmpty()) {
					return Optional.of(Path.of(file));
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public void backup(Connection connection, Path target) throws SQLException {
		// VACUUM INTO writes a consistent, compacted copy while other connections keep
		// reading.
		try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
			vacuum.setString(1, target.toString());
			vacuum.executeUpdate();
		}
	}

	@Override
	public SchemaSnapshot snapshot(Connection connection, Set<String> excludedTables) throws SQLException {
		return SqliteSnapshot.take(connection, excludedTables);
	}

	/**
	 * goose's own text, byte for byte (v3.21 to v3.27 send the same), so that
	 * {@code sqlite_master} holds what goose would have left: a schema dump compared in
	 * CI sees one database, whichever tool made the table.
	 */
	@Override
	public String createGooseTable(TableName table) {
		return "CREATE TABLE " + bare(table) + " (\n" + "\t\tid INTEGER PRIMARY KEY AUTOINCREMENT,\n"
				+ "\t\tversion_id INTEGER NOT NULL,\n" + "\t\tis_applied INTEGER NOT NULL,\n"
				+ "\t\ttstamp TIMESTAMP DEFAULT (datetime('now'))\n" + "\t)";
	}

	/**
	 * golang-migrate's own text (v4.18), which SQLite keeps without its
	 * {@code IF NOT EXISTS}.
	 */
	@Override
	public List<String> createGolangMigrateTable(TableName table) {
		String index = (table.schema() != null) ? SqliteKeywords.quoteIfNeeded(table.schema()) + ".version_unique"
				: "version_unique";
		return List.of("CREATE TABLE IF NOT EXISTS " + bare(table) + " (version uint64,dirty bool)",
				"CREATE UNIQUE INDEX IF NOT EXISTS " + index + " ON " + SqliteKeywords.quoteIfNeeded(table.name())
						+ " (version)");
	}

	/** A table named as the Go tools name it: quoted only where the name needs it. */
	private static String bare(TableName table) {
		String name = SqliteKeywords.quoteIfNeeded(table.name());
		return (table.schema() != null) ? SqliteKeywords.quoteIfNeeded(table.schema()) + "." + name : name;
	}

	@Override
	public GooseTimestamps gooseTimestamps(Connection connection) {
		// datetime('now') stores UTC text, whichever the session.
		return new GooseTimestamps("CAST(strftime('%s', tstamp) AS INTEGER)", null);
	}

	@Override
	public String createMetadataTable(TableName table) {
		return "CREATE TABLE IF NOT EXISTS " + quote(table) + " (\n" + "\tversion INTEGER PRIMARY KEY,\n"
				+ "\tfile_name TEXT NOT NULL,\n" + "\tchecksum TEXT,\n" + "\texecution_ms INTEGER NOT NULL,\n"
				+ "\tapplied_by TEXT NOT NULL,\n"
				+ "\tapplied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),\n"
				+ "\tengine_version TEXT NOT NULL,\n" + "\tkind TEXT NOT NULL\n" + ")";
	}

	@Override
	public String metadataTimestampAsEpochSeconds() {
		// applied_at is ISO-8601 text in UTC; julianday reads it, including the fraction
		// of a second.
		return "(julianday(applied_at) - 2440587.5) * 86400.0";
	}

	@Override
	public boolean cannotRunInTransaction(SqlStatement statement) {
		List<String> words = statement.leadingKeywords(2);
		if (words.isEmpty()) {
			return false;
		}
		return words.get(0).equals("VACUUM")
				|| (words.get(0).equals("PRAGMA") && words.size() > 1 && words.get(1).equals("JOURNAL_MODE"));
	}

	@Override
	public void execute(Statement statement, String sql) throws SQLException {
		// sqlite-jdbc's execute() runs only the first statement of a string;
		// executeUpdate() runs them all, which a
		// goose StatementBegin block holding several statements needs.
		statement.executeUpdate(sql);
	}

	@Override
	public boolean isBusy(SQLException error) {
		// The primary result code is the low byte of an extended one
		// (SQLITE_BUSY_SNAPSHOT is 517, say).
		int primary = error.getErrorCode() & 0xFF;
		return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
	}

	/**
	 * SQLite's {@code busy_timeout}: how long a statement, or the commit, waits for a
	 * lock another connection holds on the database file before failing with
	 * {@code SQLITE_BUSY}. A writer waits for another writer; without write-ahead logging
	 * its commit also waits for every open read transaction, and while it waits no new
	 * reader gets in, so that the application's reads queue behind the migration as they
	 * would behind a PostgreSQL {@code ALTER TABLE}. The timeout is the connection's, so
	 * its own value is read first and put back when the bound is lifted.
	 */
	@Override
	public LockWaitBound boundTableLockWaits(Connection connection, Duration timeout) throws SQLException {
		long own;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA busy_timeout")) {
			own = result.next() ? result.getLong(1) : 0;
		}
		setBusyTimeout(connection, Math.max(1, timeout.toMillis()));
		return () -> setBusyTimeout(connection, own);
	}

	private static void setBusyTimeout(Connection connection, long millis) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA busy_timeout = " + millis);
		}
	}

	@Override
	public boolean boundsTableLockWaits() {
		return true;
	}

	/**
	 * {@code SQLITE_BUSY} (or {@code SQLITE_LOCKED}) inside the migration's transaction:
	 * another connection kept the file for longer than the bound.
	 */
	@Override
	public boolean isTableLockTimeout(SQLException error) {
		return isBusy(error);
	}

	/** SQLite keeps no list of connections or of the locks they hold. */
	@Override
	public Optional<String> lockHolder(Connection connection) {
		return Optional.of("another connection's open transaction on the database file (SQLite does not say whose)");
	}

	@Override
	public DatabaseLock lock(Connection connection, ConnectionSource connections, TableName table,
			MigrationFormat format) throws SQLException {
		// An in-memory database belongs to its one connection; nothing else can migrate
		// it.
		return databaseFile(connection).<DatabaseLock>map(SqliteFileLock::new).orElse(DatabaseLock.NONE);
	}

}
