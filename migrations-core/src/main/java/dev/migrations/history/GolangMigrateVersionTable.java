package dev.migrations.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import dev.migrations.VersionTableException;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.TableName;

/**
 * golang-migrate's {@code schema_migrations}: a single row ({@code version},
 * {@code dirty}) naming the current version. Setting the version replaces the row, and
 * rolling back the last version empties the table, as golang-migrate does. A table
 * holding several rows is refused until {@code force} replaces them.
 *
 * <p>
 * The single row cannot tell which lower versions were applied: golang-migrate counts
 * every one as applied. Our metadata table can: once it exists, a version below the
 * highest one it records that has no row of its own was never applied, so a file added
 * later with a lower number is seen as out of order instead of silently skipped.
 */
public final class GolangMigrateVersionTable extends AbstractVersionTable {

	static final String COLUMNS = "version, dirty";

	/**
	 * Creates the table accessor.
	 * @param dialect the database's dialect
	 * @param table the table
	 */
	public GolangMigrateVersionTable(Dialect dialect, TableName table) {
		super(dialect, table, "golang-migrate", COLUMNS);
	}

	@Override
	public String rowsQuery(String trailingColumns) {
		return "SELECT 0, version, CASE WHEN dirty THEN 1 ELSE 0 END, " + this.dialect.typedNull("NUMERIC")
				+ trailingColumns + " FROM " + this.quoted;
	}

	@Override
	public HistoryState toState(List<VersionRow> rows, NavigableSet<Long> known, Map<Long, Metadata> metadata,
			boolean metadataExists) {
		if (rows.isEmpty()) {
			return new HistoryState(true, List.of(), false, 0, metadataExists, metadata);
		}
		if (rows.size() > 1) {
			throw severalRows(rows);
		}
		long current = rows.get(0).version();
		boolean dirty = rows.get(0).flag();
		long highestRecorded = metadata.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
		List<AppliedVersion> applied = new ArrayList<>();
		if (current >= 0) {
			for (long version : known.headSet(current, true)) {
				boolean recorded = metadata.containsKey(version);
				if (metadata.isEmpty() || recorded || version > highestRecorded) {
					applied.add(new AppliedVersion(version, null).withMetadata(metadata.get(version)));
				}
			}
			if (!known.contains(current)) {
				applied.add(new AppliedVersion(current, null).withMetadata(metadata.get(current)));
			}
		}
		return new HistoryState(true, applied, dirty, current, metadataExists, metadata);
	}

	/**
	 * golang-migrate keeps one row and reads whichever the database returns first
	 * ({@code LIMIT 1} without an order), so several rows make the version a guess; this
	 * engine refuses to guess, and {@code force} replaces them all, as golang-migrate's
	 * own {@code force} does.
	 */
	private VersionTableException severalRows(List<VersionRow> rows) {
		String versions = rows.stream()
			.sorted((a, b) -> Long.compare(a.version(), b.version()))
			.map((row) -> row.version() + (row.flag() ? " (dirty)" : ""))
			.collect(Collectors.joining(", "));
		return new VersionTableException(this.table.toString(), COLUMNS, VersionTableException.Problem.ROWS, "Table "
				+ this.table + " holds " + rows.size() + " rows (versions " + versions + "), but golang-migrate keeps"
				+ " exactly one, the current version, and would read an arbitrary one of these. Find the version the"
				+ " schema matches and run 'force V', which replaces the rows with one, as golang-migrate's force does.",
				null);
	}

	@Override
	public void create(Connection connection) throws SQLException {
		try (Statement ddl = connection.createStatement()) {
			for (String sql : this.dialect.createGolangMigrateTable(this.table)) {
				ddl.execute(sql);
			}
		}
	}

	@Override
	public void recordApplied(Connection connection, long version, long current) throws SQLException {
		setVersion(connection, current, false);
	}

	@Override
	public void recordRolledBack(Connection connection, long version, OptionalLong current) throws SQLException {
		setVersion(connection, current.orElse(-1), false);
	}

	@Override
	public void markDirty(Connection connection, long version) throws SQLException {
		setVersion(connection, version, true);
	}

	/** As golang-migrate: replace the row; no row for "no version" unless it is dirty. */
	void setVersion(Connection connection, long version, boolean dirty) throws SQLException {
		Atomically.run(connection, () -> {
			try (Statement delete = connection.createStatement()) {
				delete.executeUpdate("DELETE FROM " + this.quoted);
			}
			if (version >= 0 || dirty) {
				try (PreparedStatement insert = connection
					.prepareStatement("INSERT INTO " + this.quoted + " (version, dirty) VALUES (?, ?)")) {
					insert.setLong(1, version);
					insert.setBoolean(2, dirty);
					insert.executeUpdate();
				}
			}
		});
	}

	@Override
	public String toString() {
		return "golang-migrate version table " + this.table;
	}

}
