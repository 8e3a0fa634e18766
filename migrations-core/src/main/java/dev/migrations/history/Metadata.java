package dev.migrations.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What our own metadata table records about one applied version; the Go tools' tables
 * cannot hold it.
 *
 * @param version the version
 * @param file the file name
 * @param checksum the checksum of the file's normalized content when it was applied (see
 * {@link dev.migrations.format.Checksums}), or {@code null} when unknown (a version
 * another tool applied, adopted without a checksum: "unverified")
 * @param executionTime how long the migration's statements took
 * @param appliedBy the database user (or, without one, the operating-system user) that
 * applied it; written, and {@code null} when read back, since no command needs it
 * @param appliedAt when it was recorded
 * @param engineVersion the version of this engine that recorded it; written, and
 * {@code null} when read back
 * @param kind how the version came to be recorded
 */
public record Metadata(long version, String file, String checksum, Duration executionTime, String appliedBy,
		Instant appliedAt, String engineVersion, Kind kind) {

	/** Whether the stored checksum can be compared with the file. */
	public boolean isVerified() {
		return this.checksum != null;
	}

	/** How a version came to be recorded. */
	public enum Kind {

		/** This engine ran it. */
		MIGRATED,

		/** Marked applied by {@code baseline} without running. */
		BASELINE,

		/**
		 * Applied by another tool before this engine kept metadata; recorded so that
		 * later gaps can be told apart.
		 */
		ADOPTED;

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String label) {
			// Read for every applied version on every start: the labels this engine
			// writes need no case folding.
			return switch (label) {
				case "migrated" -> MIGRATED;
				case "baseline" -> BASELINE;
				case "adopted" -> ADOPTED;
				default -> valueOf(label.toUpperCase(Locale.ROOT));
			};
		}

	}

}
