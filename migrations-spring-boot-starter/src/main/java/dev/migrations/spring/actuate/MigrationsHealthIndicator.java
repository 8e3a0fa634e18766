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
import dev.migrations.spring.autoconfigure.MigrationsStartup;

/**
 * Whether a database's schema is ready: down when it is dirty or an applied file changed
 * since it ran, out of service while the startup migrations run or while there are
 * pending migrations that this application's startup is still to apply, up otherwise.
 * Pending migrations it will never apply (above {@code migrations.target}, out of order
 * and ignored, or with {@code on-startup} {@code validate} or {@code none}) leave it up,
 * with their count in the details.
 */
public final class MigrationsHealthIndicator implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsHealthIndicator.class);

	private final Migrator migrator;

	private final MigrationsStartup startup;

	private final MigrationsProgress progress;

	/**
	 * Creates the indicator.
	 * @param migrator the migrator whose database to check
	 * @param startup what the application applies at startup, or {@code null} when
	 * nothing runs at startup
	 * @param progress the startup migrations' progress, or {@code null} when nothing runs
	 * at startup
	 */
	public MigrationsHealthIndicator(Migrator migrator, MigrationsStartup startup, MigrationsProgress progress) {
		this.migrator = migrator;
		this.startup = startup;
		this.progress = progress;
	}

	@Override
	public Health health() {
		if (this.progress != null && this.progress.phase() == MigrationsProgress.Phase.RUNNING) {
			// Reading the version table now could wait on the migration's locks; the
			// answer is known anyway.
			return Health.outOfService().withDetail("startup", "running").build();
		}
		StatusReport report;
		try {
			report = this.migrator.status();
		}
		catch (RuntimeException ex) {
			return failed(ex);
		}
		List<Long> toApply = (this.startup != null) ? this.startup.toApply(this.migrator, report) : List.of();
		return health(report, toApply);
	}

	private static Health health(StatusReport report, List<Long> toApply) {
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
		if (!report.dirty() && mismatched.isEmpty() && !toApply.isEmpty()) {
			health.outOfService().withDetail("startup", "pending");
		}
		return health.build();
	}

	// Driver messages can carry the JDBC URL ("No suitable driver found for jdbc:..."),
	// so neither the details nor
	// the log get the message: the exception type and SQLState say enough to start
	// looking.
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
