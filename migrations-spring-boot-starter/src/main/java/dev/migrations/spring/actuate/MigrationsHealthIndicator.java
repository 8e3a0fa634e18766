package dev.migrations.spring.actuate;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.migrations.DatabaseAccessException;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.Migrator;
import dev.migrations.StatusReport;
import dev.migrations.spring.autoconfigure.MigrationsProgress;

/**
 * Whether a database's schema is ready: down when it is dirty or an applied file changed since it ran, out of service
 * while the startup migrations run or while migrations are pending, up otherwise.
 */
public final class MigrationsHealthIndicator implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsHealthIndicator.class);

	private final Migrator migrator;

	private final MigrationsProgress progress;

	/**
	 * Creates the indicator.
	 * @param migrator the migrator whose database to check
	 * @param progress the startup migrations' progress, or {@code null} when nothing runs at startup
	 */
	public MigrationsHealthIndicator(Migrator migrator, MigrationsProgress progress) {
		this.migrator = migrator;
		this.progress = progress;
	}

	@Override
	public Health health() {
		if (this.progress != null && this.progress.phase() == MigrationsProgress.Phase.RUNNING) {
			// Reading the version table now could wait on the migration's locks; the answer is known anyway.
			return Health.outOfService().withDetail("startup", "running").build();
		}
		StatusReport report;
		try {
			report = this.migrator.status();
		}
		catch (RuntimeException ex) {
			return failed(ex);
		}
		return health(report);
	}

	private static Health health(StatusReport report) {
		int pending = PendingMigrations.count(report);
		List<Long> mismatched = report.inState(MigrationState.CHECKSUM_MISMATCH)
			.stream()
			.map(MigrationStatus::version)
			.toList();
		Health.Builder health = Health.up().withDetail("version", report.version()).withDetail("pending", pending);
		if (report.dirty()) {
			health.down().withDetail("dirty", true);
		}
		if (!mismatched.isEmpty()) {
			health.down().withDetail("checksumMismatch", mismatched);
		}
		if (!report.dirty() && mismatched.isEmpty() && pending > 0) {
			health.outOfService();
		}
		return health.build();
	}

	// Driver messages can carry the JDBC URL ("No suitable driver found for jdbc:..."), so neither the details nor
	// the log get the message: the exception type and SQLState say enough to start looking.
	private static Health failed(RuntimeException ex) {
		String sqlState = (ex instanceof DatabaseAccessException access) ? access.sqlState() : null;
		logger.warn("Could not read the migration status for the health check: {}{}", ex.getClass().getName(),
				(sqlState != null) ? " [SQLState " + sqlState + "]" : "");
		Health.Builder health = Health.down().withDetail("error", ex.getClass().getName());
		if (sqlState != null) {
			health.withDetail("sqlState", sqlState);
		}
		return health.build();
	}

}
