package dev.migrations.internal;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed JDBC batch says about its failure. Inside a transaction the PostgreSQL
 * driver marks every entry failed, since the transaction rolls back, and names the entry
 * that failed only in its message ("Batch entry 2 … was aborted"); the database's own
 * error is the next exception.
 */
final class BatchFailures {

	private static final Pattern ENTRY = Pattern.compile("\\d+");

	private BatchFailures() {
	}

	/**
	 * The 0-based index of the entry that failed.
	 * @param ex the driver's exception
	 * @param size how many entries the batch had
	 * @return the index, or -1 when the exception does not tell
	 */
	static int failedEntry(BatchUpdateException ex, int size) {
		int[] counts = ex.getUpdateCounts();
		if (counts != null && counts.length < size) {
			// Drivers that stop at the failure report the entries that ran.
			return counts.length;
		}
		String message = ex.getMessage();
		if (message == null) {
			return (size == 1) ? 0 : -1;
		}
		Matcher number = ENTRY.matcher(message);
		if (number.find() && number.group().length() < 10) {
			int entry = Integer.parseInt(number.group());
			if (entry < size) {
				return entry;
			}
		}
		return (size == 1) ? 0 : -1;
	}

	/**
	 * The database's error behind a failed batch, which names the problem without the
	 * driver's batch wording.
	 * @param ex the driver's exception
	 * @return the database's error, or the exception itself
	 */
	static SQLException cause(BatchUpdateException ex) {
		SQLException next = ex.getNextException();
		return (next != null) ? next : ex;
	}

}
