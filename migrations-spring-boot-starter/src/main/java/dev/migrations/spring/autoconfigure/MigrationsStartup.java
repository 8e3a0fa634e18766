package dev.migrations.spring.autoconfigure;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import dev.migrations.MigrateResult;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.Migrator;
import dev.migrations.Operation;
import dev.migrations.ValidationReport;
import dev.migrations.spring.autoconfigure.MigrationsProgress.Phase;
import dev.migrations.spring.event.MigrationsFailedEvent;
import dev.migrations.spring.event.MigrationsFinishedEvent;
import dev.migrations.spring.event.MigrationsStartedEvent;

/**
 * What happens at startup, whichever way it runs: apply the pending migrations, or only check that none is pending,
 * publishing an event when it starts, finishes and fails, and recording its progress.
 */
public final class MigrationsStartup {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsStartup.class);

	private final Migrator migrator;

	private final MigrationsProperties.OnStartup onStartup;

	private final Operation target;

	private final ApplicationEventPublisher events;

	private final MigrationsProgress progress;

	/**
	 * Creates the startup action.
	 * @param migrator the migrator
	 * @param onStartup what to do
	 * @param target how far to migrate
	 * @param events where to publish events
	 * @param progress where to record progress
	 */
	public MigrationsStartup(Migrator migrator, MigrationsProperties.OnStartup onStartup, Operation target,
			ApplicationEventPublisher events, MigrationsProgress progress) {
		this.migrator = migrator;
		this.onStartup = onStartup;
		this.target = target;
		this.events = events;
		this.progress = progress;
	}

	/**
	 * Runs the startup action.
	 * @throws RuntimeException when the migrations fail or are not applied, which stops the application
	 */
	public void run() {
		if (this.onStartup == MigrationsProperties.OnStartup.NONE) {
			this.progress.set(Phase.FINISHED);
			return;
		}
		this.progress.set(Phase.RUNNING);
		this.events.publishEvent(new MigrationsStartedEvent(this.migrator));
		try {
			MigrateResult result = (this.onStartup == MigrationsProperties.OnStartup.MIGRATE)
					? this.migrator.run(this.target) : validateOnly();
			this.progress.set(Phase.FINISHED);
			this.events.publishEvent(new MigrationsFinishedEvent(this.migrator, result));
		}
		catch (RuntimeException ex) {
			this.progress.set(Phase.FAILED);
			this.events.publishEvent(new MigrationsFailedEvent(this.migrator, ex));
			throw ex;
		}
	}

	private MigrateResult validateOnly() {
		ValidationReport report = this.migrator.validate();
		List<Long> pending = this.migrator.status()
			.migrations()
			.stream()
			.filter((row) -> row.state() == MigrationState.PENDING || row.state() == MigrationState.OUT_OF_ORDER)
			.map(MigrationStatus::version)
			.toList();
		if (!pending.isEmpty() || !report.isValid()) {
			throw new MigrationsNotAppliedException(pending, report);
		}
		logger.info("Migrations validated: nothing pending, nothing changed");
		return null;
	}

}
