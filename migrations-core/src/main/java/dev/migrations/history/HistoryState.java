package dev.migrations.history;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the version table and our metadata table say about a database.
 *
 * @param tableExists whether the version table exists
 * @param applied the applied versions, in the order they were applied, each with its
 * metadata if any
 * @param dirty whether a golang-migrate table is marked dirty
 * @param dirtyVersion the version it is dirty at, meaningful only when {@code dirty}
 * @param metadataExists whether our metadata table exists
 * @param metadata every row of our metadata table, by version (including rows of versions
 * no longer applied)
 */
public record HistoryState(boolean tableExists, List<AppliedVersion> applied, boolean dirty, long dirtyVersion,
		boolean metadataExists, Map<Long, Metadata> metadata) {

	/** The state of a database without a version table: nothing applied. */
	public static final HistoryState ABSENT = new HistoryState(false, List.of(), false, 0, false, Map.of());

	public HistoryState {
		applied = List.copyOf(applied);
		metadata = Map.copyOf(metadata);
	}

	/**
	 * The applied versions as a set, made anew on each call: callers that test many
	 * versions keep it.
	 */
	public Set<Long> appliedVersions() {
		Set<Long> versions = new HashSet<>();
		for (AppliedVersion version : this.applied) {
			versions.add(version.version());
		}
		return versions;
	}

	/** The highest applied version, or 0 when none is. */
	public long currentVersion() {
		long current = 0;
		for (AppliedVersion version : this.applied) {
			current = Math.max(current, version.version());
		}
		return current;
	}

}
