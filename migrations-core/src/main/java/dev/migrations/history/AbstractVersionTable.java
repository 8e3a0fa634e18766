package dev.migrations.history;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import dev.migrations.VersionTableException;
import dev.migrations.dialect.Dialect;

/** What the two Go tools' version tables share: a validated, quoted name and a check of the columns. */
abstract class AbstractVersionTable implements VersionTable {

	protected final Dialect dialect;

	protected final TableName table;

	protected final String quoted;

	private final String tool;

	private final String columns;

	AbstractVersionTable(Dialect dialect, TableName table, String tool, String columns) {
		this.dialect = dialect;
		this.table = table;
		this.quoted = dialect.quote(table);
		this.tool = tool;
		this.columns = columns;
	}

	@Override
	public TableName table() {
		return this.table;
	}

	@Override
	public void checkColumns(Connection connection) {
		try (Statement query = connection.createStatement()) {
			query.executeQuery("SELECT " + this.columns + " FROM " + this.quoted + " WHERE 1 = 0").close();
		}
		catch (SQLException ex) {
			throw new VersionTableException(this.table.toString(), this.columns, "Table " + this.table + " exists but is not a "
					+ this.tool + " version table: it lacks " + this.tool + "'s columns (" + this.columns
					+ "). Point the engine at another table, or rename this one. Database said: "
					+ ex.getMessage().strip(), ex);
		}
	}

	static Instant toInstant(BigDecimal epochSeconds) {
		if (epochSeconds == null) {
			return null;
		}
		long seconds = epochSeconds.longValue();
		int nanos = epochSeconds.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).intValue();
		return Instant.ofEpochSecond(seconds, nanos);
	}

}
