package dev.migrations.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrations.VersionTableException;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.TableName;

/**
 * Our own side table ({@code goose_db_version_meta} next to {@code goose_db_version}):
 * per applied version the file, its checksum, the execution time, who applied it, when,
 * and with which engine version. It is written in the same transaction as the migration
 * it describes, and the Go tools never see it.
 */
public final class MetadataTable {

	/** The table's columns. */
	static final String COLUMNS = "version, file_name, checksum, execution_ms, applied_by, applied_at,"
			+ " engine_version, kind";

	/**
	 * The types of those columns, which a version table's rows are padded with as typed
	 * NULLs.
	 */
	private static final List<String> PADDING_TYPES = List.of("TEXT", "TEXT", "BIGINT", "TEXT");

	/**
	 * The column of the combined read that holds {@code kind}, from 1: after the version
	 * table's four come file, checksum, time and kind. Who applied a version and with
	 * which engine are written but not read back: no command needs them.
	 */
	static final int KIND_COLUMN = 8;

	private final Dialect dialect;

	private final TableName table;

	private final String quoted;

	/**
	 * Creates the table accessor.
	 * @param dialect the database's dialect
	 * @param table the table
	 */
	public MetadataTable(Dialect dialect, TableName table) {
		this.dialect = dialect;
		this.table = table;
		this.quoted = dialect.quote(table);
	}

	/**
	 * Typed NULLs in the place of this table's columns, after a version table's four in
	 * the combined read.
	 */
	static String padding(Dialect dialect) {
		StringBuilder padding = new StringBuilder();
		for (String type : PADDING_TYPES) {
			padding.append(", ").append(dialect.typedNull(type));
		}
		return padding.toString();
	}

	/** The table. */
	public TableName table() {
		return this.table;
	}

	/**
	 * The rows in the shape of the combined read; {@code kind} is never NULL here, which
	 * tells them apart.
	 */
	String rowsQuery() {
		return "SELECT 0, version, 0, " + this.dialect.metadataTimestampAsEpochSeconds()
				+ ", file_name, checksum, execution_ms, kind FROM " + this.quoted;
	}

	boolean exists(Connection connection) throws SQLException {
		return this.dialect.tableExists(connection, this.table);
	}

	/**
	 * Refuses a table of this name that is not ours: writing checksums into it would fail
	 * halfway through a run.
	 */
	void checkColumns(Connection connection) {
		try (Statement query = connection.createStatement()) {
			query.executeQuery("SELECT " + COLUMNS + " FROM " + this.quoted + " WHERE 1 = 0").close();
		}
		catch (SQLException ex) {
			throw new VersionTableException(this.table.toString(), COLUMNS,
					VersionTableException.Problem.METADATA_COLUMNS,
					"Table " + this.table + " exists but is not this engine's metadata table: it lacks its columns ("
							+ COLUMNS + "). Point metadataTable at another table, or rename this one. Database said: "
							+ ex.getMessage().strip(),
					ex);
		}
	}

	void create(Connection connection) throws SQLException {
		try (Statement ddl = connection.createStatement()) {
			ddl.execute(this.dialect.createMetadataTable(this.table));
		}
	}

	/** Records a version, replacing what was recorded for it before. */
	void write(Connection connection, Metadata row) throws SQLException {
		// One statement, the dialect's upsert, replaces what an earlier run left for the
		// version.
		try (PreparedStatement insert = connection.prepareStatement(this.dialect.upsertMetadata(this.quoted))) {
			insert.setLong(1, row.version());
			insert.setString(2, row.file());
			insert.setString(3, row.checksum());
			insert.setLong(4, row.executionTime().toMillis());
			insert.setString(5, row.appliedBy());
			insert.setString(6, row.engineVersion());
			insert.setString(7, row.kind().label());
			insert.executeUpdate();
		}
	}

	void delete(Connection connection, long version) throws SQLException {
		try (PreparedStatement delete = connection
			.prepareStatement("DELETE FROM " + this.quoted + " WHERE version = ?")) {
			delete.setLong(1, version);
			delete.executeUpdate();
		}
	}

	void updateChecksum(Connection connection, long version, String checksum) throws SQLException {
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE " + this.quoted + " SET checksum = ? WHERE version = ?")) {
			update.setString(1, checksum);
			update.setLong(2, version);
			update.executeUpdate();
		}
	}

	@Override
	public String toString() {
		return "metadata table " + this.table;
	}

}
