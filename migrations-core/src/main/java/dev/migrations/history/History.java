package dev.migrations.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalLong;

import dev.migrations.EngineVersion;
import dev.migrations.VersionTableException;
import dev.migrations.dialect.Dialect;

/**
 * The two tables together: the Go tool's version table and our metadata table beside it.
 * Reads both in one round trip when both exist, and writes both in the caller's
 * transaction.
 */
public final class History {

	private final Dialect dialect;

	private final VersionTable versions;

	private final MetadataTable metadata;

	private final boolean adoptsAppliedVersions;

	/**
	 * Creates the history.
	 * @param dialect the database's dialect
	 * @param versions the Go tool's version table
	 * @param metadata our metadata table
	 */
	public History(Dialect dialect, VersionTable versions, MetadataTable metadata) {
		this.dialect = dialect;
		this.versions = versions;
		this.metadata = metadata;
		// golang-migrate's single row cannot tell which lower versions were applied;
		// recording them when our
		// table first appears is what later lets a lower-numbered new file be told apart.
		this.adoptsAppliedVersions = versions instanceof GolangMigrateVersionTable;
	}

	/** The Go tool's version table. */
	public VersionTable versions() {
		return this.versions;
	}

	/** Our metadata table. */
	public MetadataTable metadata() {
		return this.metadata;
	}

	/**
	 * Reads the state of the database: one query when both tables exist, a few more
	 * otherwise. Where the driver logs every failed statement (MariaDB's, at WARN), the
	 * tables' existence is asked first, so that a new database does not log errors.
	 * @param connection the connection, in auto-commit mode
	 * @param known the versions that have files
	 * @return the state
	 * @throws SQLException on a database error
	 * @throws VersionTableException when the version table lacks the Go tool's columns or
	 * holds rows no Go tool leaves, or our metadata table lacks its columns
	 */
	public HistoryState read(Connection connection, NavigableSet<Long> known) throws SQLException {
		if (!this.dialect.logsFailedStatements() || bothTablesExist(connection)) {
			try {
				Rows rows = new Rows().read(connection, this.versions.rowsQuery(MetadataTable.padding(this.dialect))
						+ " UNION ALL " + this.metadata.rowsQuery());
				return toState(rows, known, true);
			}
			catch (SQLException ex) {
				// A table is missing (or has other columns): find out which, one question
				// at a time.
			}
		}
		boolean metadataExists = this.metadata.exists(connection);
		if (metadataExists) {
			this.metadata.checkColumns(connection);
		}
		if (!this.dialect.tableExists(connection, this.versions.table())) {
			return HistoryState.ABSENT;
		}
		this.versions.checkColumns(connection);
		Rows rows = new Rows().read(connection, this.versions.rowsQuery(MetadataTable.padding(this.dialect)));
		if (metadataExists) {
			rows.read(connection, this.metadata.rowsQuery());
		}
		return toState(rows, known, metadataExists);
	}

	private boolean bothTablesExist(Connection connection) throws SQLException {
		return this.dialect.tableExists(connection, this.versions.table()) && this.metadata.exists(connection);
	}

	/**
	 * Reads the state for {@code force}, which replaces the version table's rows: a table
	 * whose rows no Go tool would leave (see {@link VersionTableException.Problem#ROWS})
	 * reads as existing with nothing applied.
	 * @param connection the connection, in auto-commit mode
	 * @param known the versions that have files
	 * @return the state
	 * @throws SQLException on a database error
	 */
	public HistoryState readReplacingRows(Connection connection, NavigableSet<Long> known) throws SQLException {
		try {
			return read(connection, known);
		}
		catch (VersionTableException ex) {
			if (ex.problem() != VersionTableException.Problem.ROWS) {
				throw ex;
			}
			return new HistoryState(true, List.of(), false, 0, this.metadata.exists(connection), Map.of());
		}
	}

	private HistoryState toState(Rows rows, NavigableSet<Long> known, boolean metadataExists) {
		return this.versions.toState(rows.versions, known, rows.metadata, metadataExists);
	}

	/**
	 * The rows of both tables, as the combined read returns them: a version table's row
	 * has no {@code kind}. Read with typed getters, and only the columns a row has: a
	 * start with nothing to do reads every applied version twice, and each value read is
	 * a call into the driver (into native code, for SQLite).
	 */
	private static final class Rows {

		private final List<VersionTable.VersionRow> versions = new ArrayList<>();

		private final Map<Long, Metadata> metadata = new HashMap<>();

		Rows read(Connection connection, String sql) throws SQLException {
			try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
				while (result.next()) {
					long version = result.getLong(2);
					String kind = result.getString(MetadataTable.KIND_COLUMN);
					Instant at = AbstractVersionTable.toInstant(result.getObject(4));
					if (kind == null) {
						this.versions
							.add(new VersionTable.VersionRow(result.getLong(1), version, result.getInt(3) != 0, at));
					}
					else {
						this.metadata.put(version, new Metadata(version, result.getString(5), result.getString(6),
								Duration.ofMillis(result.getLong(7)), null, at, null, Metadata.Kind.of(kind)));
					}
				}
			}
			return this;
		}

	}

	/**
	 * Creates whichever table is missing. When our table appears next to a golang-migrate
	 * table that already names applied versions, those versions are recorded as adopted,
	 * without checksums; a version left dirty did not complete, so it is not.
	 * @param connection the connection, in auto-commit mode
	 * @param state the state read before
	 * @throws SQLException on a database error
	 */
	public void create(Connection connection, HistoryState state) throws SQLException {
		if (!state.tableExists()) {
			this.versions.create(connection);
		}
		if (!state.metadataExists()) {
			Atomically.run(connection, () -> {
				this.metadata.create(connection);
				if (this.adoptsAppliedVersions) {
					String by = appliedBy(connection);
					for (AppliedVersion version : state.applied()) {
						if (state.dirty() && version.version() == state.dirtyVersion()) {
							continue;
						}
						this.metadata.write(connection, new Metadata(version.version(), "", null, Duration.ZERO, by,
								null, EngineVersion.current(), Metadata.Kind.ADOPTED));
					}
				}
			});
		}
	}

	/**
	 * Records an applied version in both tables.
	 * @param connection the connection, in the migration's transaction when it has one
	 * @param version the version
	 * @param file the file name
	 * @param checksum the file's checksum
	 * @param executionTime how long its statements took
	 * @param current the database's version afterwards
	 * @throws SQLException on a database error
	 */
	public void recordApplied(Connection connection, long version, String file, String checksum, Duration executionTime,
			long current) throws SQLException {
		this.versions.recordApplied(connection, version, current);
		this.metadata.write(connection, new Metadata(version, file, checksum, executionTime, appliedBy(connection),
				null, EngineVersion.current(), Metadata.Kind.MIGRATED));
	}

	/**
	 * Records a rolled-back version in both tables.
	 * @param connection the connection, in the migration's transaction when it has one
	 * @param version the version
	 * @param current the version afterwards, empty when nothing remains applied
	 * @throws SQLException on a database error
	 */
	public void recordRolledBack(Connection connection, long version, OptionalLong current) throws SQLException {
		this.versions.recordRolledBack(connection, version, current);
		this.metadata.delete(connection, version);
	}

	/**
	 * Marks a golang-migrate database dirty before a migration that runs outside a
	 * transaction.
	 * @param connection the connection, in auto-commit mode
	 * @param version the version the migration leads to, or -1
	 * @throws SQLException on a database error
	 */
	public void markDirty(Connection connection, long version) throws SQLException {
		this.versions.markDirty(connection, version);
	}

	/**
	 * Marks versions applied without running them, in version order, with metadata of the
	 * given kind.
	 * @param connection the connection, in auto-commit mode
	 * @param marks the versions with their file names and checksums (name and checksum
	 * may be null)
	 * @param kind baseline, or adopted by repair
	 * @throws SQLException on a database error
	 */
	public void mark(Connection connection, List<Mark> marks, Metadata.Kind kind) throws SQLException {
		long current = marks.stream().mapToLong(Mark::version).max().orElse(0);
		String by = appliedBy(connection);
		Atomically.run(connection, () -> {
			for (Mark mark : marks) {
				if (kind == Metadata.Kind.BASELINE) {
					this.versions.recordApplied(connection, mark.version(), current);
				}
				this.metadata.write(connection, new Metadata(mark.version(), (mark.file() != null) ? mark.file() : "",
						mark.checksum(), Duration.ZERO, by, null, EngineVersion.current(), kind));
			}
		});
	}

	/**
	 * Replaces a stored checksum.
	 * @param connection the connection
	 * @param version the version
	 * @param checksum the new checksum
	 * @throws SQLException on a database error
	 */
	public void updateChecksum(Connection connection, long version, String checksum) throws SQLException {
		this.metadata.updateChecksum(connection, version, checksum);
	}

	/**
	 * Removes what our table records about a version.
	 * @param connection the connection
	 * @param version the version
	 * @throws SQLException on a database error
	 */
	public void forget(Connection connection, long version) throws SQLException {
		this.metadata.delete(connection, version);
	}

	/**
	 * The database user, or the operating-system user when the database has none
	 * (SQLite).
	 */
	private static String appliedBy(Connection connection) throws SQLException {
		String user = connection.getMetaData().getUserName();
		return (user != null && !user.isBlank()) ? user : System.getProperty("user.name", "unknown");
	}

	/**
	 * A version to mark applied without running it.
	 *
	 * @param version the version
	 * @param file its file name, or {@code null}
	 * @param checksum its checksum, or {@code null}
	 */
	public record Mark(long version, String file, String checksum) {
	}

}
