package dev.migrations.spring.actuate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.migrations.Direction;
import dev.migrations.MigrateResult;
import dev.migrations.MigrationException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationResult;
import dev.migrations.Operation;
import dev.migrations.PlannedMigration;

/**
 * Times every migration as {@code migrations.duration}, tagged with its {@code direction}
 * ({@code up} or {@code down}) and its {@code outcome} ({@code success} or
 * {@code failure}). Not with its version: a long-lived registry would keep one timer per
 * migration ever applied. Which migration took how long is in the {@code migrations}
 * endpoint.
 */
public final class MigrationsMetricsListener implements MigrationListener {

	/** The timer's name. */
	public static final String DURATION = "migrations.duration";

	private final MeterRegistry registry;

	// The engine tells a listener about a migration on the thread that runs it. Keeping
	// the start per thread means
	// that two commands running at once (the endpoint's and the startup's, say) cannot
	// time each other's migration.
	private final ThreadLocal<Running> running = new ThreadLocal<>();

	/**
	 * Creates the listener.
	 * @param registry where to record
	 */
	public MigrationsMetricsListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void beforeMigration(PlannedMigration migration) {
		this.running.set(new Running(migration.direction(), Timer.start(this.registry)));
	}

	@Override
	public void afterMigration(MigrationResult result) {
		this.running.remove();
		timer(result.direction(), "success").record(result.duration());
	}

	@Override
	public void afterFailure(Operation operation, MigrationException failure) {
		Running failed = this.running.get();
		this.running.remove();
		// A command can fail before any migration starts (a lock timeout, a validation
		// error): nothing to time.
		if (failed != null) {
			failed.sample().stop(timer(failed.direction(), "failure"));
		}
	}

	@Override
	public void afterOperation(Operation operation, MigrateResult result) {
		this.running.remove();
	}

	private Timer timer(Direction direction, String outcome) {
		return Timer.builder(DURATION)
			.description("Time taken by a migration")
			.tag("direction", direction.label())
			.tag("outcome", outcome)
			.register(this.registry);
	}

	private record Running(Direction direction, Timer.Sample sample) {

	}

}
