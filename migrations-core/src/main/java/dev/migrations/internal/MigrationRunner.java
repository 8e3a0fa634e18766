package dev.migrations.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Direction;
import dev.migrations.LintFinding;
import dev.migrations.MigrateResult;
import dev.migrations.MigrationException;
import dev.migrations.MigrationResult;
import dev.migrations.Operation;
import dev.migrations.history.AppliedVersion;
import dev.migrations.history.HistoryState;
import dev.migrations.history.Metadata;
import dev.migrations.lint.PostgresLint;

/**
 * Runs commands that move the database. When nothing is pending it reads the versions
 * once and returns without locking; otherwise it takes the lock, reads the state again
 * under it, and runs the plan step by step.
 */
public final class MigrationRunner {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrations");

	private final Settings settings;

	private final Connector connector;

	private final Preflight preflight;

	private final Listeners listeners;

	private final Set<StepExecutor> executing = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a runner.
	 * @param settings what to run with
	 */
	public MigrationRunner(Settings settings) {
		this.settings = settings;
		this.connector = new Connector(settings);
		this.preflight = new Preflight(settings);
		this.listeners = new Listeners(settings.listeners());
	}

	/**
	 * Runs a command.
	 * @param operation the command
	 * @return what ran
	 */
	public MigrateResult run(Operation operation) {
		long started = System.nanoTime();
		try {
			MigrateResult result = this.connector.withSession("running " + operation.describe(), (session) -> {
				Optional<MigrateResult> unlocked = withoutLock(session, operation, started);
				if (unlocked.isPresent()) {
					return unlocked.get();
				}
				return this.connector.locked(session, (locked) -> runLocked(locked, operation, started));
			});
			this.listeners.tell((listener) -> listener.afterOperation(operation, result));
			return result;
		}
		catch (MigrationException ex) {
			this.listeners.tell((listener) -> listener.afterFailure(operation, ex));
			throw ex;
		}
	}

	/**
	 * Cancels the migrations running now, from any thread: the running statement is
	 * cancelled through the driver and no further statement starts, so the migration
	 * fails as a failed migration does. Later commands run as usual.
	 */
	public void cancel() {
		this.executing.forEach(StepExecutor::cancel);
	}

	/**
	 * The cheap path, without the lock: a command with nothing to do returns here. Empty
	 * when the lock is needed: something is pending; the database is busy with another
	 * runner's migration and can be read only once that runner is done, which the lock
	 * waits for; or the state read looks wrong, which may be another runner's work in
	 * progress, so the verdict is left to the reading under the lock.
	 */
	private Optional<MigrateResult> withoutLock(Session session, Operation operation, long started)
			throws SQLException {
		HistoryState state;
		Preflight.Prepared prepared;
		try {
			state = session.read();
			prepared = this.preflight.prepare(session, operation, state);
		}
		catch (SQLException ex) {
			if (!session.dialect().isBusy(ex)) {
				throw ex;
			}
			logger.debug("The database is busy, most likely with another runner's migration; waiting for the lock");
			return Optional.empty();
		}
		catch (MigrationException ex) {
			// Another runner may be halfway: a golang-migrate table is marked dirty while
			// a migration runs outside a
			// transaction, and the tables of a fresh database appear between the reads
			// that find no version table
			// and the listing that finds other tables. Only what the database says under
			// the lock is final.
			logger.debug("Checking again under the lock: {}", ex.getMessage());
			return Optional.empty();
		}
		return prepared.isEmpty() ? Optional.of(nothingToDo(operation, state, started)) : Optional.empty();
	}

	/**
	 * Runs a command on a session that already holds the lock; {@link SchemaVerifier}
	 * runs many this way.
	 */
	MigrateResult runLocked(Session session, Operation operation, long started) throws SQLException {
		// Another runner may have finished while this one waited: plan again on what the
		// database says now.
		HistoryState state = session.read();
		Preflight.Prepared prepared = this.preflight.prepare(session, operation, state);
		this.preflight.warnAboutUnusedParseErrors();
		if (prepared.isEmpty()) {
			return nothingToDo(operation, state, started);
		}
		if (!prepared.steps().isEmpty() && this.settings.backup() != null) {
			Backups.create(session, this.settings.backup());
		}
		session.history().create(session.connection(), state);
		if (!prepared.baseline().isEmpty()) {
			session.history().mark(session.connection(), prepared.baseline(), Metadata.Kind.BASELINE);
			logger.info(
					"Baselined {} at version {}: the schema was there already, so versions {} were marked applied"
							+ " without running them",
					this.settings.table(), this.settings.baselineVersion(),
					prepared.baseline().stream().map((mark) -> mark.version()).toList());
		}
		warnAboutDangerousStatements(session, prepared);
		MigrateResult result = execute(session, prepared, started);
		logSummary(operation, result);
		return result;
	}

	/**
	 * Logs the lint's findings for the migrations about to be applied, on a PostgreSQL
	 * database that has migrations applied already: one whose tables may be live. A new
	 * database has no such tables, and its first run would only repeat the history's
	 * warnings.
	 */
	private void warnAboutDangerousStatements(Session session, Preflight.Prepared prepared) {
		if (!session.dialect().vendor().equals("postgresql") || prepared.state().applied().isEmpty()) {
			return;
		}
		Set<Long> up = new HashSet<>();
		for (Step step : prepared.steps()) {
			if (step.direction() == Direction.UP) {
				up.add(step.version());
			}
		}
		if (!up.isEmpty()) {
			for (LintFinding finding : PostgresLint.check(this.settings.catalog(), up::contains)) {
				logger.warn("{}", finding);
			}
		}
	}

	private MigrateResult execute(Session session, Preflight.Prepared prepared, long started) {
		TreeSet<Long> applied = new TreeSet<>(
				prepared.state().applied().stream().map(AppliedVersion::version).toList());
		long initial = prepared.state().currentVersion();
		StepExecutor executor = new StepExecutor(session, this.settings.catalog().masking(),
				this.settings.tableLockTimeout());
		this.executing.add(executor);
		try {
			return execute(session, prepared, started, executor, applied, initial);
		}
		finally {
			executor.finish();
			this.executing.remove(executor);
		}
	}

	private MigrateResult execute(Session session, Preflight.Prepared prepared, long started, StepExecutor executor,
			TreeSet<Long> applied, long initial) {
		List<MigrationResult> results = new ArrayList<>();
		for (Step step : prepared.steps()) {
			if (step.direction() == Direction.UP) {
				applied.add(step.version());
			}
			else {
				applied.remove(step.version());
			}
			OptionalLong current = applied.isEmpty() ? OptionalLong.empty() : OptionalLong.of(applied.last());
			this.listeners.tell((listener) -> listener
				.beforeMigration(step.planned(session.dialect(), this.settings.catalog().masking())));
			MigrationResult result = executor.run(step, current, results);
			results.add(result);
			logger.info("{}", result);
			this.listeners.tell((listener) -> listener.afterMigration(result));
		}
		long current = applied.isEmpty() ? 0 : applied.last();
		return new MigrateResult(results, initial, current, Duration.ofNanos(System.nanoTime() - started));
	}

	private static MigrateResult nothingToDo(Operation operation, HistoryState state, long started) {
		logger.info("No migrations to run for {}; the database is at version {}", operation.describe(),
				state.currentVersion());
		return new MigrateResult(List.of(), state.currentVersion(), state.currentVersion(),
				Duration.ofNanos(System.nanoTime() - started));
	}

	private static void logSummary(Operation operation, MigrateResult result) {
		int count = result.migrations().size();
		logger.info("{}: ran {} migration{} in {} ms; the database went from version {} to {}", operation.describe(),
				count, (count == 1) ? "" : "s", result.duration().toMillis(), result.initialVersion(),
				result.finalVersion());
	}

}
