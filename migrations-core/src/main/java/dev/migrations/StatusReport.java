package dev.migrations;

import java.util.List;

/**
 * The state of every migration against one database.
 *
 * @param version the current version (0 when nothing is applied)
 * @param dirty whether a golang-migrate table is marked dirty
 * @param migrations one row per file and per applied version without a file, in version
 * order
 */
public record StatusReport(long version, boolean dirty, List<MigrationStatus> migrations) {

	public StatusReport {
		migrations = List.copyOf(migrations);
	}

	/** The rows in the given state. */
	public List<MigrationStatus> inState(MigrationState state) {
		return this.migrations.stream().filter((row) -> row.state() == state).toList();
	}

}
