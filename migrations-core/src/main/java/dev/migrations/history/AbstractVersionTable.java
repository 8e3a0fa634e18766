package dev.migrations.history;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import dev.migrations.VersionTableException;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.TableName;

/**
 * What the two Go tools' version tables share: a validated, quoted name and a check of
 * the columns.
 */
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
			throw new VersionTableException(this.table.toString(), this.columns,
					"Table " + this.table + " exists but is not a " + this.tool + " version table: it lacks "
							+ this.tool + "'s columns (" + this.columns
							+ "). Point the engine at another table, or rename this one. Database said: "
							+ ex.getMessage().strip(),
					ex);
		}
	}

	/**
	 * A time the version queries give as seconds since the epoch: a decimal on
	 * PostgreSQL, a floating-point number on SQLite (whose times carry milliseconds, so a
	 * double holds them to the microsecond, which is where it is rounded). Read without
	 * decimal arithmetic, because a start with nothing to do reads two of these per
	 * applied version.
	 * @param epochSeconds the value as the driver returned it, or {@code null}
	 * @return the instant, or {@code null}
	 */
	static Instant toInstant(Object epochSeconds) {
		if (epochSeconds == null) {
			return null;
		}
		if (epochSeconds instanceof Double || epochSeconds instanceof Float) {
			double value = ((Number) epochSeconds).doubleValue();
			double seconds = Math.floor(value);
			long micros = Math.round((value - seconds) * 1_000_000);
			return Instant.ofEpochSecond((long) seconds, micros * 1_000);
		}
		if (epochSeconds instanceof Long || epochSeconds instanceof Integer) {
			return Instant.ofEpochSecond(((Number) epochSeconds).longValue());
		}
		BigDecimal decimal = (epochSeconds instanceof BigDecimal exact) ? exact
				: new BigDecimal(epochSeconds.toString());
		long seconds = decimal.longValue();
		int nanos = decimal.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).intValue();
		return Instant.ofEpochSecond(seconds, nanos);
	}

}
