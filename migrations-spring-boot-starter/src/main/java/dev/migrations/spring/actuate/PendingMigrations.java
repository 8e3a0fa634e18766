package dev.migrations.spring.actuate;

import dev.migrations.MigrationState;
import dev.migrations.StatusReport;

/**
 * What counts as pending, the same for the endpoint, the health indicator and the gauge:
 * every migration that is not applied, out-of-order ones included, as the startup
 * validation counts them.
 */
final class PendingMigrations {

	private PendingMigrations() {
	}

	static int count(StatusReport report) {
		return (int) report.migrations()
			.stream()
			.filter((row) -> row.state() == MigrationState.PENDING || row.state() == MigrationState.OUT_OF_ORDER)
			.count();
	}

}
