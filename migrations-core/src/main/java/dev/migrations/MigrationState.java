package dev.migrations;

import java.util.Locale;

/** Where a migration stands in one database. */
public enum MigrationState {

	/**
	 * Recorded as applied, and its file is present (and unchanged, when a checksum was
	 * recorded).
	 */
	APPLIED,

	/** Recorded as applied, but its file changed since: the recorded checksum differs. */
	CHECKSUM_MISMATCH,

	/** Its file is present and it is not applied. */
	PENDING,

	/** Not applied, and its version is lower than the highest applied one. */
	OUT_OF_ORDER,

	/** Recorded as applied, but no file has its version. */
	MISSING;

	/**
	 * The lower-case name used in output: {@code applied}, {@code checksum_mismatch},
	 * {@code out_of_order}, ...
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether the version is recorded as applied. */
	public boolean isApplied() {
		return this == APPLIED || this == CHECKSUM_MISMATCH || this == MISSING;
	}

}
