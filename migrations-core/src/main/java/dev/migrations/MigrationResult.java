package dev.migrations;

import java.time.Duration;

/**
 * One migration that ran, in one direction.
 *
 * @param version the migration's version
 * @param file the migration's file name
 * @param direction up or down
 * @param duration how long it took, from its first statement until its history was
 * written: the execution time the metadata table records, and the one its log line shows
 * @param statements how many statements it executed
 */
public record MigrationResult(long version, String file, Direction direction, Duration duration, int statements) {

	/** The log form: {@code OK   up 00003_add_cache_hit_count.sql (12 ms)}. */
	@Override
	public String toString() {
		return "OK   " + this.direction.label() + " " + this.file + " (" + Durations.format(this.duration) + ")";
	}

}
