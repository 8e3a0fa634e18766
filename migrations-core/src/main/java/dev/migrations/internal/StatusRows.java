package dev.migrations.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.StatusReport;
import dev.migrations.format.Migration;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.history.AppliedVersion;
import dev.migrations.history.HistoryState;
import dev.migrations.history.Metadata;

/**
 * Builds a {@link StatusReport}: one row per file, plus one per applied version that has
 * no file.
 */
final class StatusRows {

	private StatusRows() {
	}

	static StatusReport of(MigrationCatalog catalog, HistoryState state) {
		Map<Long, AppliedVersion> applied = new HashMap<>();
		for (AppliedVersion version : state.applied()) {
			applied.put(version.version(), version);
		}
		long current = state.currentVersion();
		List<MigrationStatus> rows = new ArrayList<>();
		for (Migration migration : catalog.all()) {
			AppliedVersion record = applied.remove(migration.version());
			if (record == null) {
				MigrationState state1 = (migration.version() < current) ? MigrationState.OUT_OF_ORDER
						: MigrationState.PENDING;
				rows.add(new MigrationStatus(migration.version(), migration.name(), state1, null, null, false));
				continue;
			}
			Metadata metadata = record.metadata();
			boolean verified = metadata != null && metadata.isVerified();
			MigrationState appliedState = (verified && !metadata.checksum().equals(migration.checksum()))
					? MigrationState.CHECKSUM_MISMATCH : MigrationState.APPLIED;
			rows.add(new MigrationStatus(migration.version(), migration.name(), appliedState, record.appliedAt(),
					(metadata != null) ? metadata.executionTime() : null, verified));
		}
		for (AppliedVersion missing : applied.values()) {
			Metadata metadata = missing.metadata();
			rows.add(new MigrationStatus(missing.version(), null, MigrationState.MISSING, missing.appliedAt(),
					(metadata != null) ? metadata.executionTime() : null, false));
		}
		rows.sort(Comparator.comparingLong(MigrationStatus::version));
		long version = state.dirty() ? state.dirtyVersion() : current;
		return new StatusReport(version, state.dirty(), rows);
	}

}
