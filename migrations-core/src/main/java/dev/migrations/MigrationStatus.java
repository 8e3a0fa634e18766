package dev.migrations;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@link StatusReport}: a migration file or an applied version.
 *
 * @param version the version
 * @param file the file name, or {@code null} for a {@link MigrationState#MISSING missing}
 * version
 * @param state applied, checksum mismatch, pending, out of order or missing
 * @param appliedAt when it was applied, or {@code null} when pending or when neither
 * table records it
 * @param executionTime how long it took, or {@code null} when our metadata table does not
 * record it
 * @param verified whether a checksum was recorded for it, so that a change to its file
 * would be seen; versions applied by the Go tools are unverified until {@code repair}
 * records them
 */
public record MigrationStatus(long version, String file, MigrationState state, Instant appliedAt,
		Duration executionTime, boolean verified) {

	/** A row without execution time or checksum. */
	public MigrationStatus(long version, String file, MigrationState state, Instant appliedAt) {
		this(version, file, state, appliedAt, null, false);
	}

}
