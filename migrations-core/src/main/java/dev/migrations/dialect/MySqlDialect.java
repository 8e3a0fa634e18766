package dev.migrations.dialect;

import java.nio.charset.StandardCharsets;
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
import java.util.zip.CRC32;

import dev.migrations.MigrationFormat;
import dev.migrations.lock.ConnectionSource;
import dev.migrations.lock.DatabaseLock;
import dev.migrations.lock.MySqlNamedLock;
import dev.migrations.parser.LexicalRules;
import dev.migrations.parser.PlainSqlParser;
import dev.migrations.parser.SqlStatement;
import dev.migrations.verify.MySqlSnapshot;
import dev.migrations.verify.SchemaSnapshot;

/**
 * MySQL and MariaDB, through either database's JDBC driver; one instance per vendor name,
 * since Spring Boot names them apart. A schema is a database here: a qualified table name
 * ({@code other.goose_db_version}) names another database on the same server.
 *
 * <p>
 * DDL is not transactional: each {@code CREATE}, {@code ALTER} or {@code DROP} commits
 * what came before it. goose files still run in a transaction, as goose runs them, so
 * that a failure records nothing; golang-migrate files run the way golang-migrate runs
 * every file, guarded by the dirty flag.
 */
final class MySqlDialect implements Dialect {

	/**
	 * golang-migrate multiplies the CRC-32 of its lock string by this salt to get its
	 * lock name.
	 */
	private static final long GOLANG_MIGRATE_LOCK_SALT = 1486364155L;

	/**
	 * The statements MySQL commits the open transaction before running (its "statements
	 * that cause an implicit commit"), by their first word;
	 * {@code CREATE TEMPORARY TABLE} and {@code DROP TEMPORARY TABLE} are the exceptions.
	 */
	private static final Set<String> IMPLICIT_COMMIT = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE", "GRANT",
			"REVOKE", "LOCK", "UNLOCK", "ANALYZE", "OPTIMIZE", "REPAIR", "INSTALL", "UNINSTALL", "FLUSH", "START",
			"BEGIN", "COMMIT");

	/** MySQL's {@code ER_LOCK_WAIT_TIMEOUT}. */
	private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

	/** MySQL's {@code ER_PARSE_ERROR}, a syntax error. */
	private static final int ER_PARSE_ERROR = 1064;

	private final String vendor;

	MySqlDialect(String vendor) {
		this.vendor = vendor;
	}

	@Override
	public String vendor() {
		return this.vendor;
	}

	@Override
	public LexicalRules lexicalRules() {
		return LexicalRules.MYSQL;
	}

	/** Backquotes, which MySQL reads as quotes whatever its SQL mode. */
	@Override
	public String quote(TableName table) {
		String name = "`" + table.name() + "`";
		return (table.schema() != null) ? "`" + table.schema() + "`." + name : name;
	}

	@Override
	public boolean tableExists(Connection connection, TableName table) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.TABLES"
				+ " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?")) {
			query.setString(1, table.schema());
			query.setString(2, table.name());
			try (ResultSet result = query.executeQuery()) {
				return result.next() && result.getInt(1) > 0;
			}
		}
	}

	@Override
	public List<String> tables(Connection connection, String schema) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
				+ " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
			query.setString(1, schema);
			try (ResultSet result = query.executeQuery()) {
				while (result.next()) {
					tables.add(result.getString(1));
				}
			}
		}
		return tables;
	}

	@Override
	public SchemaSnapshot snapshot(Connection connection, Set<String> excludedTables) throws SQLException {
		return MySqlSnapshot.take(connection, excludedTables);
	}

	/**
	 * goose's table since v3.22.0; before, its {@code id} was {@code serial}, which adds
	 * a second unique index on it. goose creates it in the transaction that writes its
	 * version-0 row, as the engine does.
	 */
	@Override
	public String createGooseTable(TableName table) {
		return "CREATE TABLE " + quote(table) + " (\n" + "\t\tid bigint(20) unsigned NOT NULL AUTO_INCREMENT,\n"
				+ "\t\tversion_id bigint NOT NULL,\n" + "\t\tis_applied boolean NOT NULL,\n"
				+ "\t\ttstamp timestamp NULL default now(),\n" + "\t\tPRIMARY KEY(id)\n" + "\t)";
	}

	@Override
	public List<String> createGolangMigrateTable(TableName table) {
		return List.of("CREATE TABLE IF NOT EXISTS " + quote(table)
				+ " (version bigint not null primary key, dirty boolean not null)");
	}

	/**
	 * goose's {@code tstamp} is a {@code timestamp}, which MySQL keeps in UTC whatever
	 * the session's zone, filled by its default: read as epoch seconds, it means the same
	 * in every zone.
	 */
	@Override
	public GooseTimestamps gooseTimestamps(Connection connection) {
		return new GooseTimestamps("UNIX_TIMESTAMP(tstamp)", null);
	}

	@Override
	public String createMetadataTable(TableName table) {
		return "CREATE TABLE IF NOT EXISTS " + quote(table) + " (\n" + "\tversion bigint PRIMARY KEY,\n"
				+ "\tfile_name text NOT NULL,\n" + "\tchecksum text,\n" + "\texecution_ms bigint NOT NULL,\n"
				+ "\tapplied_by text NOT NULL,\n" + "\tapplied_at timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),\n"
				+ "\tengine_version text NOT NULL,\n" + "\tkind text NOT NULL\n" + ")";
	}

	@Override
	public String metadataTimestampAsEpochSeconds() {
		return "UNIX_TIMESTAMP(applied_at)";
	}

	@Override
	public String upsertMetadata(String quotedTable) {
		return "INSERT INTO " + quotedTable
				+ " (version, file_name, checksum, execution_ms, applied_by, engine_version, kind)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE file_name = VALUES(file_name),"
				+ " checksum = VALUES(checksum), execution_ms = VALUES(execution_ms),"
				+ " applied_by = VALUES(applied_by), applied_at = CURRENT_TIMESTAMP(6),"
				+ " engine_version = VALUES(engine_version), kind = VALUES(kind)";
	}

	/**
	 * MySQL casts to {@code CHAR}, {@code SIGNED} and {@code DECIMAL}, not to SQL's
	 * names.
	 */
	@Override
	public String typedNull(String type) {
		String target = switch (type) {
			case "BIGINT" -> "SIGNED";
			case "NUMERIC" -> "DECIMAL(30, 6)";
			default -> "CHAR";
		};
		return "CAST(NULL AS " + target + ")";
	}

	/** Every statement can run in a transaction; DDL simply commits it. */
	@Override
	public boolean cannotRunInTransaction(SqlStatement statement) {
		return false;
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	public boolean commitsImplicitly(SqlStatement statement) {
		List<String> words = statement.leadingKeywords(2);
		if (words.isEmpty() || !IMPLICIT_COMMIT.contains(words.get(0))) {
			return false;
		}
		String first = words.get(0);
		String second = (words.size() > 1) ? words.get(1) : "";
		return switch (first) {
			case "CREATE", "DROP" -> !second.equals("TEMPORARY");
			case "START" -> second.equals("TRANSACTION");
			default -> true;
		};
	}

	/**
	 * A StatementBegin block holding several statements reaches MySQL as one text, which
	 * the server takes only when the connection allows several statements at once; else
	 * it reports a syntax error at the second one.
	 */
	@Override
	public String explain(SQLException error, SqlStatement statement) {
		if (error.getErrorCode() != ER_PARSE_ERROR) {
			return null;
		}
		int count = PlainSqlParser.parse("", statement.sql(), LexicalRules.MYSQL).statements().size();
		return (count > 1) ? "The statement holds " + count + " statements, which MySQL runs in one only when the"
				+ " connection allows it: add allowMultiQueries=true to the JDBC URL (goose's MySQL driver needs"
				+ " multiStatements=true for the same), or give each statement a block of its own" : null;
	}

	/**
	 * MySQL's {@code lock_wait_timeout} (metadata locks, which DDL waits for) and
	 * {@code innodb_lock_wait_timeout} (row locks), in whole seconds, at least 1. They
	 * are the session's, so their values are kept in session variables and put back when
	 * the bound is lifted.
	 */
	@Override
	public LockWaitBound boundTableLockWaits(Connection connection, Duration timeout) throws SQLException {
		long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET @migrations_lock_wait_timeout = @@SESSION.lock_wait_timeout,"
					+ " @migrations_innodb_lock_wait_timeout = @@SESSION.innodb_lock_wait_timeout,"
					+ " SESSION lock_wait_timeout = " + seconds + ", SESSION innodb_lock_wait_timeout = " + seconds);
		}
		return () -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION lock_wait_timeout = @migrations_lock_wait_timeout,"
						+ " SESSION innodb_lock_wait_timeout = @migrations_innodb_lock_wait_timeout");
			}
		};
	}

	@Override
	public boolean boundsTableLockWaits() {
		return true;
	}

	/** {@code ER_LOCK_WAIT_TIMEOUT}, for metadata and row locks alike. */
	@Override
	public boolean isTableLockTimeout(SQLException error) {
		return error.getErrorCode() == ER_LOCK_WAIT_TIMEOUT;
	}

	/**
	 * The connection whose open InnoDB transaction is oldest: its id, user, command and
	 * how long its transaction has been open; never its query text.
	 */
	@Override
	public Optional<String> lockHolder(Connection connection) throws SQLException {
		String sql = "SELECT p.ID, p.USER, p.COMMAND, TIMESTAMPDIFF(SECOND, t.trx_started, NOW())"
				+ " FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p"
				+ " ON p.ID = t.trx_mysql_thread_id WHERE p.ID <> CONNECTION_ID() ORDER BY t.trx_started LIMIT 1";
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			if (!rows.next()) {
				return Optional.empty();
			}
			return Optional.of("connection " + rows.getLong(1) + " (user '" + rows.getString(2) + "'), "
					+ rows.getString(3) + ", its transaction open for " + rows.getLong(4) + " s");
		}
	}

	@Override
	public boolean logsFailedStatements() {
		return true;
	}

	@Override
	public void execute(Statement statement, String sql) throws SQLException {
		statement.execute(sql);
	}

	@Override
	public DatabaseLock lock(Connection connection, ConnectionSource connections, TableName table,
			MigrationFormat format) throws SQLException {
		String database = table.schema();
		if (database == null) {
			try (Statement query = connection.createStatement();
					ResultSet result = query.executeQuery("SELECT DATABASE()")) {
				result.next();
				database = result.getString(1);
			}
		}
		return new MySqlNamedLock(connection, golangMigrateLockName(database, table.name()));
	}

	/**
	 * golang-migrate's lock name (v4.18.3, whether opened from a URL or given a
	 * connection): the decimal CRC-32 (IEEE) of "database:table" times its salt, kept to
	 * 32 bits. goose takes no lock on MySQL (its lockers are PostgreSQL's only), so goose
	 * files take the same kind of name for goose's table, which keeps runners of this
	 * engine apart.
	 */
	static String golangMigrateLockName(String database, String table) {
		CRC32 crc = new CRC32();
		crc.update((database + ":" + table).getBytes(StandardCharsets.UTF_8));
		return Long.toString((crc.getValue() * GOLANG_MIGRATE_LOCK_SALT) & 0xFFFFFFFFL);
	}

}
