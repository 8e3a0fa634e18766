package dev.migrations.spring.actuate;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Migrator;

/**
 * The gauge {@code migrations.pending}: how many migrations are not applied, per
 * {@link Migrator} bean (tag {@code name}). Each gauge reads the migration status at most
 * once per refresh interval, so that a scrape does not cost a query; it lags a migration
 * by up to that interval.
 */
public final class PendingMigrationsMeterBinder implements MeterBinder {

	/** The gauge's name. */
	public static final String PENDING = "migrations.pending";

	/** How long a count is reused, unless configured. */
	public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(PendingMigrationsMeterBinder.class);

	private final Map<String, Migrator> migrators;

	private final Duration refreshInterval;

	/**
	 * Creates the binder.
	 * @param migrators the migrators, by bean name
	 * @param refreshInterval how long a count is reused before the status is read again
	 */
	public PendingMigrationsMeterBinder(Map<String, Migrator> migrators, Duration refreshInterval) {
		this.migrators = Map.copyOf(migrators);
		this.refreshInterval = refreshInterval;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.migrators.forEach((name, migrator) -> {
			PendingCount count = new PendingCount(migrator, registry.config().clock(), this.refreshInterval.toNanos());
			Gauge.builder(PENDING, count, PendingCount::value)
				.description("Migrations not yet applied")
				.tag("name", name)
				.strongReference(true)
				.register(registry);
		});
	}

	/**
	 * One migrator's pending count, read again once it is older than the refresh
	 * interval.
	 */
	private static final class PendingCount {

		private final Migrator migrator;

		private final Clock clock;

		private final long refreshNanos;

		private double value;

		private long readAt;

		private boolean read;

		PendingCount(Migrator migrator, Clock clock, long refreshNanos) {
			this.migrator = migrator;
			this.clock = clock;
			this.refreshNanos = refreshNanos;
		}

		synchronized double value() {
			long now = this.clock.monotonicTime();
			if (!this.read || now - this.readAt >= this.refreshNanos) {
				this.value = read();
				this.readAt = now;
				this.read = true;
			}
			return this.value;
		}

		// A failed read is kept for the interval too, so that an unreachable database is
		// not asked on every scrape.
		// The message is left out: a driver's message can carry the JDBC URL.
		private double read() {
			try {
				return PendingMigrations.count(this.migrator.status());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not read the migration status for {}: {}", PENDING, ex.getClass().getName());
				return Double.NaN;
			}
		}

	}

}
