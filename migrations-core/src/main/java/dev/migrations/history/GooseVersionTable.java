package dev.migrations.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalLong;

import dev.migrations.VersionTableException;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.GooseTimestamps;
import dev.migrations.dialect.TableName;

/**
 * goose's {@code goose_db_version}: one row per applied version ({@code version_id},
 * {@code is_applied}, {@code tstamp}), a version-0 row written when the table is created,
 * the row deleted on rollback. A table without any row, not even that one, is refused, as
 * goose refuses it; one whose other rows remain without it is read. Rows with
 * {@code is_applied = false}, which old goose versions wrote on rollback, cancel the
 * earlier rows of their version. Both PostgreSQL shapes goose has created
 * ({@code id serial} with a nullable {@code tstamp}, and the identity column) are read
 * the same way.
 */
public final class GooseVersionTable extends AbstractVersionTable {

	static final String COLUMNS = "id, version_id, is_applied, tstamp";

	/** Rows in the order goose wrote them. */
	private static final Comparator<VersionRow> BY_ORDER = new Comparator<>() {

		@Override
		public int compare(VersionRow a, VersionRow b) {
			return Long.compare(a.order(), b.order());
		}

	};

	private final GooseTimestamps timestamps;

	/**
	 * Creates the table accessor.
	 * @param dialect the database's dialect
	 * @param table the table
	 * @param timestamps how the session reads and writes {@code tstamp} as goose does
	 */
	public GooseVersionTable(Dialect dialect, TableName table, GooseTimestamps timestamps) {
		super(dialect, table, "goose", COLUMNS);
		this.timestamps = timestamps;
	}

	@Override
	public String rowsQuery(String trailingColumns) {
		return "SELECT id, version_id, CASE WHEN is_applied THEN 1 ELSE 0 END, " + this.timestamps.asEpochSeconds()
				+ trailingColumns + " FROM " + this.quoted;
	}

	@Override
	public HistoryState toState(List<VersionRow> rows, NavigableSet<Long> known, Map<Long, Metadata> metadata,
			boolean metadataExists) {
		if (rows.isEmpty()) {
			// goose writes its version-0 row with the table and never deletes it; goose's
			// up and down refuse a table
			// without any row ("missing zero version migration"), and so does this
			// engine, rather than guess.
			throw new VersionTableException(this.table.toString(), COLUMNS, VersionTableException.Problem.ROWS, "Table "
					+ this.table + " holds no rows, not even the version-0 row goose writes when it creates the table,"
					+ " so goose itself refuses it ('missing zero version migration'). If it records nothing on purpose,"
					+ " drop it and run again: the engine creates it as goose does (and asks for a baseline when the"
					+ " database already has tables); or give it goose's first row: INSERT INTO " + this.table
					+ " (version_id, is_applied) VALUES (0, true).", null);
		}
		List<VersionRow> ordered = new ArrayList<>(rows);
		ordered.sort(BY_ORDER);
		Map<Long, AppliedVersion> applied = new LinkedHashMap<>();
		for (VersionRow row : ordered) {
			applied.remove(row.version());
			if (row.version() != 0 && row.flag()) {
				applied.put(row.version(),
						new AppliedVersion(row.version(), row.appliedAt()).withMetadata(metadata.get(row.version())));
			}
		}
		return new HistoryState(true, new ArrayList<>(applied.values()), false, 0, metadataExists, metadata);
	}

	@Override
	public void create(Connection connection) throws SQLException {
		Atomically.run(connection, () -> {
			try (Statement ddl = connection.createStatement()) {
				ddl.execute(this.dialect.createGooseTable(this.table));
			}
			insert(connection, 0);
		});
	}

	@Override
	public void recordApplied(Connection connection, long version, long current) throws SQLException {
		insert(connection, version);
	}

	private void insert(Connection connection, long version) throws SQLException {
		String sql = (this.timestamps.now() != null)
				? "INSERT INTO " + this.quoted + " (version_id, is_applied, tstamp) VALUES (?, ?, "
						+ this.timestamps.now() + ")"
				: "INSERT INTO " + this.quoted + " (version_id, is_applied) VALUES (?, ?)";
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			insert.setLong(1, version);
			insert.setBoolean(2, true);
			insert.executeUpdate();
		}
	}

	@Override
	public void recordRolledBack(Connection connection, long version, OptionalLong current) throws SQLException {
		try (PreparedStatement delete = connection
			.prepareStatement("DELETE FROM " + this.quoted + " WHERE version_id = ?")) {
			delete.setLong(1, version);
			delete.executeUpdate();
		}
	}

	@Override
	public void markDirty(Connection connection, long version) {
		// goose's table has no dirty flag: a failed NO TRANSACTION migration is simply
		// not recorded.
	}

	@Override
	public String toString() {
		return "goose version table " + this.table;
	}

}
