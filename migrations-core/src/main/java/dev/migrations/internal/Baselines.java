package dev.migrations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrations.format.Migration;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.history.AppliedVersion;
import dev.migrations.history.History;
import dev.migrations.history.HistoryState;

/**
 * Which versions a baseline marks applied, and the state a database would be in after it.
 */
final class Baselines {

	private Baselines() {
	}

	/**
	 * Every version with a file up to the baseline version, and the baseline version
	 * itself when no file has it (a history squashed into one schema file), in version
	 * order.
	 */
	static List<History.Mark> marks(MigrationCatalog catalog, long version) {
		List<History.Mark> marks = new ArrayList<>();
		for (Migration migration : catalog.migrations().headMap(version, true).values()) {
			marks.add(new History.Mark(migration.version(), migration.name(), migration.checksum()));
		}
		if (catalog.get(version) == null && version > 0) {
			marks.add(new History.Mark(version, null, null));
		}
		return marks;
	}

	static HistoryState simulate(HistoryState state, List<History.Mark> marks) {
		if (marks.isEmpty()) {
			return state;
		}
		List<AppliedVersion> applied = new ArrayList<>();
		for (History.Mark mark : marks) {
			applied.add(new AppliedVersion(mark.version(), null));
		}
		return new HistoryState(false, applied, false, 0, state.metadataExists(), Map.of());
	}

}
