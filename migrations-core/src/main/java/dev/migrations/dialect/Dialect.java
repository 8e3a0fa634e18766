package dev.migrations.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.migrations.MigrationFormat;
import dev.migrations.lock.ConnectionSource;
import dev.migrations.lock.DatabaseLock;
import dev.migrations.parser.LexicalRules;
import dev.migrations.parser.SqlStatement;
import dev.migrations.verify.SchemaSnapshot;

/**
 * What differs between databases: identifier quoting, the DDL of the Go tools' version
 * tables, how to run a statement, which statements cannot run in a transaction, and how
 * runners lock each other out. One class per database; {@link Dialects} picks one from
 * the connection.
 */
public interface Dialect {

	/**
	 * The vendor name used in {@code {vendor}} locations, as Spring Boot names it:
	 * {@code postgresql}, {@code sqlite}, {@code mysql}, {@code mariadb}.
	 */
	String vendor();

	/**
	 * Quotes a validated table name for SQL, with the standard double quotes unless the
	 * database differs.
	 * @param table the table
	 * @return the quoted, possibly schema-qualified name
	 */
	default String quote(TableName table) {
		String name = "\"" + table.name() + "\"";
		return (table.schema() != null) ? "\"" + table.schema() + "\"." + name : name;
	}

	/**
	 * Whether a table exists, looking where an unqualified name would be created (the
	 * current schema).
	 * @param connection the connection
	 * @param table the table
	 * @return whether it exists
	 * @throws SQLException on a database error
	 */
	boolean tableExists(Connection connection, TableName table) throws SQLException;

	/**
	 * The tables in the schema a table name points at (the current schema when it names
	 * none), sorted.
	 * @param connection the connection
	 * @param schema the schema, or {@code null} for the current one
	 * @return the table names
	 * @throws SQLException on a database error
	 */
	List<String> tables(Connection connection, String schema) throws SQLException;

	/**
	 * The schema objects where unqualified names are created (the current schema;
	 * SQLite's main database), each with a normalized definition, so that the schema
	 * before a migration's Up can be compared with the schema after its Down.
	 * @param connection the connection
	 * @param excludedTables tables to leave out together with their columns, indexes,
	 * constraints, triggers and sequences: the version table and our metadata table
	 * @return the snapshot
	 * @throws SQLException on a database error
	 */
	SchemaSnapshot snapshot(Connection connection, Set<String> excludedTables) throws SQLException;

	/**
	 * The file the connection's database lives in, for databases that are one file
	 * (SQLite).
	 * @param connection the connection
	 * @return the file, or empty for server databases and in-memory ones
	 * @throws SQLException on a database error
	 */
	default Optional<Path> databaseFile(Connection connection) throws SQLException {
		return Optional.empty();
	}

	/**
	 * Writes a consistent copy of the database to a new file, for databases that are one
	 * file.
	 * @param connection the connection, in auto-commit mode
	 * @param target the file to create
	 * @throws SQLException when the database cannot write it
	 */
	default void backup(Connection connection, Path target) throws SQLException {
		throw new SQLException(vendor() + " databases are not backed up by this engine");
	}

	/**
	 * goose's {@code CREATE TABLE} for its version table on this database.
	 * @param table the table
	 * @return the statement
	 */
	String createGooseTable(TableName table);

	/**
	 * golang-migrate's statements creating its version table on this database.
	 * @param table the table
	 * @return the statements, in order
	 */
	List<String> createGolangMigrateTable(TableName table);

	/**
	 * How goose's {@code tstamp} column is read and written on a connection, the way
	 * goose's own sessions fill it.
	 * @param connection the connection
	 * @return the expressions
	 * @throws SQLException on a database error
	 */
	GooseTimestamps gooseTimestamps(Connection connection) throws SQLException;

	/**
	 * The {@code CREATE TABLE} of our metadata table on this database.
	 * @param table the table
	 * @return the statement
	 */
	String createMetadataTable(TableName table);

	/**
	 * A SQL expression giving our metadata table's {@code applied_at} as seconds since
	 * the epoch.
	 * @return the expression
	 */
	String metadataTimestampAsEpochSeconds();

	/**
	 * Whether a statement cannot run inside a transaction block
	 * ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...).
	 * @param statement the statement
	 * @return whether it must run on its own, outside a transaction
	 */
	boolean cannotRunInTransaction(SqlStatement statement);

	/**
	 * Whether DDL takes part in transactions. Where it does not (MySQL), every
	 * {@code CREATE}, {@code ALTER} or {@code DROP} commits what came before it, so a
	 * failed migration keeps the statements up to its last such statement.
	 * @return whether a migration's DDL rolls back with its transaction
	 */
	default boolean transactionalDdl() {
		return true;
	}

	/**
	 * Whether the database commits the open transaction before running this statement
	 * (MySQL's DDL); never where DDL is transactional.
	 * @param statement the statement
	 * @return whether it commits implicitly
	 */
	default boolean commitsImplicitly(SqlStatement statement) {
		return false;
	}

	/**
	 * Whether the database's driver logs every statement that fails, so that the engine
	 * asks before it reads a table that may be missing, rather than trying (MariaDB's
	 * driver logs each failure at WARN).
	 * @return whether failed statements are logged
	 */
	default boolean logsFailedStatements() {
		return false;
	}

	/**
	 * What a failure may mean beyond the database's own message, when the database's
	 * message misleads.
	 * @param error the failure
	 * @param statement the statement that failed
	 * @return a sentence to add to the failure's message, or {@code null}
	 */
	default String explain(SQLException error, SqlStatement statement) {
		return null;
	}

	/**
	 * Runs one migration statement, all of it (a goose StatementBegin block may hold
	 * several).
	 * @param statement a JDBC statement to run it with
	 * @param sql the SQL
	 * @throws SQLException when the database rejects it
	 */
	void execute(Statement statement, String sql) throws SQLException;

	/**
	 * A NULL of a column type, for reads that put the rows of two tables side by side
	 * ({@code UNION ALL}): the columns of the shorter one are padded with typed NULLs.
	 * @param type {@code TEXT}, {@code BIGINT} or {@code NUMERIC}
	 * @return the expression
	 */
	default String typedNull(String type) {
		return "CAST(NULL AS " + type + ")";
	}

	/**
	 * The statement that writes a row of the metadata table, replacing what an earlier
	 * run left for the same version (a Go tool rolled it back without touching this
	 * table); {@code applied_at} takes its default again. Its parameters are version,
	 * file name, checksum, execution milliseconds, applied by, engine version and kind.
	 * @param quotedTable the metadata table, quoted
	 * @return the SQL
	 */
	default String upsertMetadata(String quotedTable) {
		return "INSERT INTO " + quotedTable
				+ " (version, file_name, checksum, execution_ms, applied_by, engine_version, kind)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (version) DO UPDATE SET file_name = excluded.file_name,"
				+ " checksum = excluded.checksum, execution_ms = excluded.execution_ms,"
				+ " applied_by = excluded.applied_by, applied_at = excluded.applied_at,"
				+ " engine_version = excluded.engine_version, kind = excluded.kind";
	}

	/**
	 * What the statement splitter treats as one token on this database: whether block
	 * comments nest, which quotes make identifiers, whether {@code E'…'} and
	 * {@code $tag$…$tag$} quote.
	 * @return the rules
	 */
	LexicalRules lexicalRules();

	/**
	 * Whether this statement may be sent together with its neighbours in one JDBC batch,
	 * inside a migration's transaction: the statements of a migration then reach a server
	 * database in one round trip instead of one each. Only statements that return no rows
	 * qualify. An embedded database, where a round trip costs nothing, sends none this
	 * way.
	 * @param statement the statement
	 * @return whether it may join a batch
	 */
	default boolean isBatchable(SqlStatement statement) {
		return false;
	}

	/**
	 * Whether an error means that another connection's transaction holds the database and
	 * a reader must wait for it: SQLite's {@code SQLITE_BUSY} while another runner
	 * commits, or writes a migration too large for its cache. A server database never
	 * keeps readers out like that.
	 * @param error the error
	 * @return whether waiting for the other writer would help
	 */
	default boolean isBusy(SQLException error) {
		return false;
	}

	/**
	 * Bounds how long the statements of the current transaction wait for a lock another
	 * session holds on a table or row, so that a migration queued behind a long
	 * transaction gives up instead of queueing every query on that table behind itself.
	 * Where the database can, the bound is the transaction's own and ends with it: it
	 * holds on whichever server connection a transaction pooler gives the transaction,
	 * and never outlives it; else it is the session's, and the returned bound gives the
	 * session its own value back (the caller may keep it set for the next transactions
	 * first).
	 * @param connection the migration connection, in a transaction
	 * @param timeout the bound
	 * @return what lifts the bound once the transactions it bounds have ended;
	 * {@link LockWaitBound#NONE} when the bound is the transaction's own
	 * @throws SQLException on a database error
	 */
	default LockWaitBound boundTableLockWaits(Connection connection, Duration timeout) throws SQLException {
		return LockWaitBound.NONE;
	}

	/**
	 * Whether {@link #boundTableLockWaits} bounds anything on this database.
	 * @return whether lock waits can be bounded per transaction
	 */
	default boolean boundsTableLockWaits() {
		return false;
	}

	/**
	 * Whether an error means that a statement gave up waiting for a lock within the
	 * bound.
	 * @param error the error
	 * @return whether it was a lock wait that timed out
	 */
	default boolean isTableLockTimeout(SQLException error) {
		return false;
	}

	/**
	 * The session most likely to have held the lock a statement gave up on: the one whose
	 * open transaction holding table locks is oldest, described by its process id,
	 * application name, state and how long its transaction has been open; never its query
	 * text, which may hold anything.
	 * @param connection the migration connection, outside any transaction
	 * @return the description, or empty when no such session is found or the database
	 * cannot tell
	 * @throws SQLException on a database error
	 */
	default Optional<String> lockHolder(Connection connection) throws SQLException {
		return Optional.empty();
	}

	/**
	 * The lock that keeps other runners out while this one migrates.
	 * @param connection the connection the migrations will run on, which the lock may use
	 * @param connections where a lock held on a connection of its own gets it
	 * @param table the version table the runners share
	 * @param format the file format, which decides the lock keys the Go tools use
	 * @return the lock, not yet acquired
	 * @throws SQLException on a database error
	 */
	DatabaseLock lock(Connection connection, ConnectionSource connections, TableName table, MigrationFormat format)
			throws SQLException;

}
