package dev.migrations.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

import dev.migrations.MigrateResult;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;
import dev.migrations.Migrator;
import dev.migrations.Operation;
import dev.migrations.OutOfOrderPolicy;
import dev.migrations.StatusReport;
import dev.migrations.ValidationReport;
import dev.migrations.spring.autoconfigure.MigrationsProgress.Phase;
import dev.migrations.spring.event.MigrationsFailedEvent;
import dev.migrations.spring.event.MigrationsFinishedEvent;
import dev.migrations.spring.event.MigrationsStartedEvent;

/**
 * What happens at startup, whichever way it is triggered: for every {@link Migrator}
 * bean, in bean order, apply the pending migrations or only check that none is pending,
 * publishing an event when each starts, finishes and fails, and recording the progress.
 * It runs once: whatever triggers it first (the initializer, the first use of the
 * database while the context starts, or the application runner) runs it, and later
 * triggers find it done. When the application shuts down while it runs, the running
 * migration is cancelled and rolled back, and one line says so.
 */
public final class MigrationsStartup implements ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsStartup.class);

	/**
	 * How long the shutdown waits for a cancelled migration to roll back before it closes
	 * the connections anyway.
	 */
	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	private final Map<String, Migrator> migrators;

	private final MigrationsProperties.OnStartup onStartup;

	private final Operation target;

	private final Repairs repairs;

	private final ApplicationEventPublisher events;

	private final MigrationsProgress progress;

	private RuntimeException failure;

	private ApplicationContext context;

	private volatile boolean stopping;

	private volatile CompletableFuture<Void> finished = CompletableFuture.completedFuture(null);

	/**
	 * Creates the startup action.
	 * @param migrators the migrators by bean name, in the order they run
	 * @param onStartup what to do
	 * @param target how far to migrate
	 * @param repairs what to repair before migrating
	 * @param events where to publish events
	 * @param progress where to record progress
	 */
	public MigrationsStartup(Map<String, Migrator> migrators, MigrationsProperties.OnStartup onStartup,
			Operation target, Repairs repairs, ApplicationEventPublisher events, MigrationsProgress progress) {
		this.migrators = new LinkedHashMap<>(migrators);
		this.onStartup = onStartup;
		this.target = target;
		this.repairs = repairs;
		this.events = events;
		this.progress = progress;
	}

	/**
	 * Runs the startup action unless it ran already; a failure is thrown again to every
	 * later caller, so that no trigger can start the application past it.
	 * @param when when and why it runs now, for the log: "as the first application
	 * runner", say
	 * @throws RuntimeException when the migrations fail or are not applied, which stops
	 * the application
	 */
	public synchronized void run(String when) {
		if (this.failure != null) {
			throw this.failure;
		}
		// RUNNING is seen only by a call on the same thread: the migration itself asking
		// for a connection.
		if (this.progress.phase() != Phase.WAITING) {
			return;
		}
		if (this.onStartup == MigrationsProperties.OnStartup.NONE) {
			this.progress.set(Phase.FINISHED);
			warnAboutUnapplied();
			return;
		}
		logger.info("Startup migrations run {}", when);
		this.finished = new CompletableFuture<>();
		this.progress.set(Phase.RUNNING);
		try {
			this.migrators.forEach(this::run);
			this.progress.set(Phase.FINISHED);
		}
		catch (RuntimeException ex) {
			this.progress.set(Phase.FAILED);
			if (this.stopping) {
				// The application is going away, and the migration with it: one line, not
				// a failed start.
				logger.warn("{}", StoppedMigration.describe(ex));
				return;
			}
			this.failure = ex;
			throw ex;
		}
		finally {
			this.finished.complete(null);
		}
		warnAboutUnapplied();
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * When the application shuts down (SIGTERM, say) while the startup migrations run,
	 * cancels them and waits for the running one to roll back before the connection pool
	 * closes under it.
	 */
	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() != this.context || this.progress.phase() != Phase.RUNNING) {
			return;
		}
		this.stopping = true;
		this.migrators.values().forEach(Migrator::cancel);
		try {
			this.finished.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			logger.debug("The cancelled startup migration did not end in {}", STOP_WAIT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run(String name, Migrator migrator) {
		this.events.publishEvent(new MigrationsStartedEvent(migrator));
		try {
			MigrateResult result;
			if (this.onStartup == MigrationsProperties.OnStartup.MIGRATE) {
				repair(name, migrator);
				result = migrator.run(this.target);
			}
			else {
				result = validateOnly(name, migrator);
			}
			this.events.publishEvent(new MigrationsFinishedEvent(migrator, result));
		}
		catch (RuntimeException ex) {
			this.events.publishEvent(new MigrationsFailedEvent(migrator, ex));
			throw ex;
		}
	}

	/**
	 * The repairs a failure report may have asked for, done before migrating, as the
	 * command line would.
	 */
	private void repair(String name, Migrator migrator) {
		if (this.repairs.forceVersion() != null) {
			if (migrator.version().dirty()) {
				migrator.force(this.repairs.forceVersion());
			}
			else {
				logger.warn("migrations.force-version={} is set, but the database of {} is not dirty, so nothing was"
						+ " forced; remove the setting", this.repairs.forceVersion(), name);
			}
		}
		if (this.repairs.repair()) {
			migrator.repair();
		}
	}

	private MigrateResult validateOnly(String name, Migrator migrator) {
		ValidationReport report = migrator.validate();
		List<Long> pending = toApply(migrator, migrator.status(), true);
		if (!pending.isEmpty() || !report.isValid()) {
			throw new MigrationsNotAppliedException(pending, report);
		}
		logger.info("Migrations of {} validated: nothing pending, nothing changed", name);
		return null;
	}

	/** Whether it ran already, or is running. */
	public boolean hasRun() {
		return this.progress.phase() != Phase.WAITING;
	}

	/**
	 * The versions this startup is still to apply, to every migrator's database, reading
	 * each one's status.
	 */
	List<Long> toApply() {
		List<Long> versions = new ArrayList<>();
		this.migrators.values().forEach((migrator) -> versions.addAll(toApply(migrator, migrator.status())));
		return versions;
	}

	/**
	 * The versions this startup is still to apply to a migrator's database: none once it
	 * has run, and none when it only validates or does nothing.
	 * @param migrator the migrator
	 * @param report its status
	 * @return the versions, in order
	 */
	public List<Long> toApply(Migrator migrator, StatusReport report) {
		boolean ahead = this.progress.phase() == Phase.WAITING || this.progress.phase() == Phase.RUNNING;
		if (!ahead || this.onStartup != MigrationsProperties.OnStartup.MIGRATE
				|| !this.migrators.containsValue(migrator)) {
			return List.of();
		}
		return toApply(migrator, report, false);
	}

	/**
	 * The pending versions that {@code up} to the target would apply. With
	 * {@code strict}, as {@code validate} sees them, out-of-order versions count unless
	 * they are ignored, since {@code up} would either apply them or fail.
	 */
	private List<Long> toApply(Migrator migrator, StatusReport report, boolean strict) {
		List<Long> versions = new ArrayList<>();
		for (MigrationStatus row : report.migrations()) {
			if (row.state() == MigrationState.PENDING && withinTarget(row.version())
					|| row.state() == MigrationState.OUT_OF_ORDER && withinTarget(row.version())
							&& appliesOutOfOrder(migrator.outOfOrder(), strict)) {
				versions.add(row.version());
			}
		}
		return versions;
	}

	private static boolean appliesOutOfOrder(OutOfOrderPolicy policy, boolean strict) {
		return policy == OutOfOrderPolicy.APPLY || strict && policy == OutOfOrderPolicy.FAIL;
	}

	private boolean withinTarget(long version) {
		return !(this.target instanceof Operation.Up up) || version <= up.target();
	}

	/**
	 * Names the pending versions this startup leaves alone: above the target, out of
	 * order and ignored, or all of them when it validates or does nothing. Only a
	 * warning, so a database that cannot be read says so at DEBUG. A migration up to the
	 * latest version that did not fail leaves nothing unless out-of-order versions are
	 * ignored, so the usual start reads no status for it.
	 */
	private void warnAboutUnapplied() {
		this.migrators.forEach((name, migrator) -> {
			if (this.onStartup == MigrationsProperties.OnStartup.MIGRATE && withinTarget(Long.MAX_VALUE)
					&& migrator.outOfOrder() != OutOfOrderPolicy.IGNORE) {
				return;
			}
			try {
				List<String> left = new ArrayList<>();
				for (MigrationStatus row : migrator.status().migrations()) {
					if (row.state() == MigrationState.PENDING || row.state() == MigrationState.OUT_OF_ORDER) {
						left.add(row.file() + " (" + whyLeft(migrator, row) + ")");
					}
				}
				if (!left.isEmpty()) {
					logger.warn("{} left unapplied by {} at startup: {}",
							(left.size() == 1) ? "1 migration is" : left.size() + " migrations are", name,
							String.join(", ", left));
				}
			}
			catch (RuntimeException ex) {
				logger.debug("Could not read the migration status of {} after startup", name, ex);
			}
		});
	}

	private String whyLeft(Migrator migrator, MigrationStatus row) {
		if (this.onStartup == MigrationsProperties.OnStartup.NONE) {
			return "migrations.on-startup=none";
		}
		return !withinTarget(row.version()) ? "above migrations.target"
				: "out of order, and migrations.out-of-order=" + migrator.outOfOrder().name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The repairs to make before migrating at startup, each for one start: what a failure
	 * report tells the user to set when the application has no {@code migrate} command of
	 * its own.
	 *
	 * @param repair whether to repair the history ({@code migrations.repair-on-migrate})
	 * @param forceVersion the version to force a dirty database to
	 * ({@code migrations.force-version}), or {@code null}
	 */
	public record Repairs(boolean repair, Long forceVersion) {

		/** No repairs. */
		public static final Repairs NONE = new Repairs(false, null);

	}

}
