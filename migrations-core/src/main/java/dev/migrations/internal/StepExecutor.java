package dev.migrations.internal;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Direction;
import dev.migrations.JavaMigration;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationResult;
import dev.migrations.dialect.Dialect;
import dev.migrations.dialect.LockWaitBound;
import dev.migrations.format.Masking;
import dev.migrations.format.MigrationScript;
import dev.migrations.history.History;
import dev.migrations.parser.SqlStatement;

/**
 * Runs one migration in one direction together with its history update, on the runner's
 * connection. Between two migrations that each run in a transaction the connection stays
 * out of auto-commit, and a lock wait bound that is the session's (SQLite, MySQL) stays
 * set while the next migration has the same: on SQLite each switch is a statement of its
 * own. {@link #finish()} gives the session both back; a migration that runs outside a
 * transaction, and any failure, gets them back first.
 */
final class StepExecutor {

	private static final Logger logger = LoggerFactory.getLogger(StepExecutor.class);

	private static final int LOGGED_SQL_LENGTH = 500;

	/**
	 * How many times a transactional migration is tried while a lock it needs is held too
	 * long.
	 */
	static final int TABLE_LOCK_ATTEMPTS = 3;

	/** The wait before the second attempt, doubled before each further one. */
	private static final Duration TABLE_LOCK_BACKOFF = Duration.ofSeconds(1);

	/** The SQLState of a cancelled statement, as PostgreSQL reports it. */
	private static final String QUERY_CANCELED = "57014";

	private final Connection connection;

	private final Dialect dialect;

	private final History history;

	private final Masking masking;

	private final Duration tableLockTimeout;

	/**
	 * The bound of each statement of the file running now outside a transaction, or
	 * {@code null}.
	 */
	private Duration boundEachStatement;

	/**
	 * Whether auto-commit was switched off for a transaction and has not been switched on
	 * again.
	 */
	private boolean manualCommit;

	/**
	 * The session's lock wait bound set now and kept for the next transaction, or
	 * {@code null}: the session has its own.
	 */
	private LockWaitBound sessionBound;

	/** The value of {@link #sessionBound}. */
	private Duration sessionBoundValue;

	private volatile boolean cancelled;

	private volatile Statement running;

	/**
	 * Creates the executor.
	 * @param session the session to run on
	 * @param masking what hides secret values wherever statements are shown
	 * @param tableLockTimeout how long a statement may wait for a lock another session
	 * holds, or {@code null} for as long as the database lets it
	 */
	StepExecutor(Session session, Masking masking, Duration tableLockTimeout) {
		this.connection = session.connection();
		this.dialect = session.dialect();
		this.history = session.history();
		this.masking = masking;
		this.tableLockTimeout = tableLockTimeout;
	}

	/**
	 * Cancels the statement running now through the driver, from any thread, and lets no
	 * further statement start: the step fails as any failed step does, rolled back inside
	 * a transaction.
	 */
	void cancel() {
		this.cancelled = true;
		Statement statement = this.running;
		if (statement != null) {
			try {
				statement.cancel();
			}
			catch (SQLException ex) {
				logger.debug("Could not cancel the running statement", ex);
			}
		}
	}

	/**
	 * Runs a step.
	 * @param step the step
	 * @param current the version the database is at afterwards (empty when nothing
	 * remains applied)
	 * @param completed the steps this run completed before, for the failure report
	 * @return the result
	 * @throws MigrationFailedException when a statement or the history update fails
	 */
	MigrationResult run(Step step, OptionalLong current, List<MigrationResult> completed) {
		MigrationScript script = step.script();
		List<SqlStatement> statements = script.section().statements();
		TransactionMode mode = step.mode(this.dialect);
		Progress progress = new Progress(System.nanoTime());
		int attempt = 1;
		try {
			switch (mode) {
				case TRANSACTION -> {
					for (;; attempt++) {
						try {
							runInTransaction(step, statements, current, progress);
							break;
						}
						catch (SQLException ex) {
							if (tableLockTimeout(step) == null || !this.dialect.isTableLockTimeout(ex)
									|| attempt >= TABLE_LOCK_ATTEMPTS
									|| committedImplicitly(step, progress.statement) > 0) {
								throw ex;
							}
							awaitLockHolder(step, progress, attempt);
							progress = new Progress(System.nanoTime());
						}
					}
				}
				// Outside a transaction each statement that could run in one gets the
				// bound in a transaction of its own, without a retry (its file may not be
				// safe to repeat); a CREATE INDEX CONCURRENTLY keeps the session's own
				// lock_timeout: it waits for older transactions by design, queues no
				// query behind it, and cut short would leave an invalid index. A file
				// that manages a transaction of its own keeps the session's bound too.
				case NONE -> {
					finish();
					this.boundEachStatement = ownsTransaction(statements) ? null : tableLockTimeout(step);
					try {
						execute(step, statements, progress, false);
					}
					finally {
						this.boundEachStatement = null;
					}
					record(step, current, progress);
				}
				case GUARDED_BY_DIRTY_FLAG -> {
					finish();
					long target = (step.direction() == Direction.UP) ? step.version() : current.orElse(-1);
					this.history.markDirty(this.connection, target);
					// Where every golang-migrate file runs so (MySQL), its statements get
					// the bound one by one, unless the file manages a transaction of its
					// own.
					this.boundEachStatement = (!this.dialect.transactionalDdl() && !ownsTransaction(statements))
							? tableLockTimeout(step) : null;
					try {
						execute(step, statements, progress, false);
					}
					finally {
						this.boundEachStatement = null;
					}
					record(step, current, progress);
				}
			}
		}
		catch (SQLException ex) {
			throw failure(step, mode, progress, ex, completed, attempt);
		}
		return new MigrationResult(step.version(), step.migration().name(), step.direction(), progress.executionTime,
				statements.size());
	}

	private void runInTransaction(Step step, List<SqlStatement> statements, OptionalLong current, Progress progress)
			throws SQLException {
		// A bound of the transaction's own (PostgreSQL) is set in each transaction, right
		// on whichever server connection a transaction pooler gives it; a session's
		// bound and manual commit stay for the next migration.
		inBoundedTransaction(tableLockTimeout(step), true, () -> {
			execute(step, statements, progress, true);
			record(step, current, progress);
			// SQLite's commit may wait for other connections' locks too.
			progress.committing = true;
		});
	}

	/**
	 * Runs work in a transaction of its own, its lock waits bounded ({@code null}: not),
	 * committed when the work is done and rolled back when it fails. Auto-commit and the
	 * session's own bound come back when it fails, and when it succeeds unless
	 * {@code keep}: then they stay for the next transaction, until {@link #finish()}.
	 */
	private void inBoundedTransaction(Duration bound, boolean keep, TransactionWork work) throws SQLException {
		// The driver knows without asking the database; a Java migration may have
		// switched it.
		if (this.connection.getAutoCommit()) {
			this.connection.setAutoCommit(false);
		}
		this.manualCommit = true;
		try {
			bound(bound);
			work.run();
			this.connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			try {
				this.connection.rollback();
			}
			catch (SQLException rollbackFailure) {
				ex.addSuppressed(rollbackFailure);
			}
			finish();
			throw ex;
		}
		if (!keep) {
			finish();
		}
	}

	/**
	 * Bounds the lock waits of the transaction begun: keeps the session's bound set when
	 * it is the one wanted, else gives the session its own value back first.
	 */
	private void bound(Duration bound) throws SQLException {
		if (this.sessionBound != null && bound != null && bound.equals(this.sessionBoundValue)) {
			return;
		}
		liftSessionBound();
		if (bound != null) {
			LockWaitBound set = this.dialect.boundTableLockWaits(this.connection, bound);
			if (set != LockWaitBound.NONE) {
				this.sessionBound = set;
				this.sessionBoundValue = bound;
			}
		}
	}

	/**
	 * Gives the session its own lock wait bound and auto-commit back, after the last
	 * migration of a run, before a migration that runs outside a transaction and after a
	 * failure; nothing when they are its own already.
	 */
	void finish() {
		liftSessionBound();
		if (this.manualCommit) {
			this.manualCommit = false;
			restoreAutoCommit();
		}
	}

	/** What runs in {@link #inBoundedTransaction}. */
	@FunctionalInterface
	private interface TransactionWork {

		void run() throws SQLException;

	}

	/** Whether a file begins or ends transactions itself. */
	private static boolean ownsTransaction(List<SqlStatement> statements) {
		return statements.stream().anyMatch(SqlStatement::controlsTransaction);
	}

	/**
	 * The bound of a step's lock waits: its file's own
	 * ({@code -- migrations:table-lock-timeout}), else the run's; {@code null} for none.
	 */
	private Duration tableLockTimeout(Step step) {
		Duration own = step.script().tableLockTimeout();
		if (own == null) {
			return this.tableLockTimeout;
		}
		return own.isZero() ? null : own;
	}

	/**
	 * After a transactional migration gave up waiting for a lock and was rolled back:
	 * says who held it, and waits before the next attempt, so that the holder's
	 * transaction may end while the application's queries, no longer queued behind the
	 * migration's lock request, go on.
	 */
	private void awaitLockHolder(Step step, Progress progress, int attempt) throws SQLException {
		Duration backoff = TABLE_LOCK_BACKOFF.multipliedBy(1L << (attempt - 1));
		logger.warn(
				"{} {} {} waited {} ms for a lock held by {}; rolled back, trying again in {} ms (attempt {} of {})",
				step.direction().label(), step.migration().name(), progress.describe(),
				tableLockTimeout(step).toMillis(), holder(), backoff.toMillis(), attempt + 1, TABLE_LOCK_ATTEMPTS);
		try {
			Thread.sleep(backoff.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("interrupted while waiting to try again", QUERY_CANCELED, ex);
		}
	}

	private String holder() {
		try {
			return this.dialect.lockHolder(this.connection).orElse("another session that has since let go");
		}
		catch (SQLException ex) {
			logger.debug("Could not look up the lock holder", ex);
			return "another session";
		}
	}

	/**
	 * Gives the session its own lock wait bound back, where the bound is the session's.
	 */
	private void liftSessionBound() {
		LockWaitBound bound = this.sessionBound;
		if (bound == null) {
			return;
		}
		this.sessionBound = null;
		this.sessionBoundValue = null;
		try {
			bound.lift();
		}
		catch (SQLException ex) {
			logger.warn("Could not restore the session's own lock wait timeout: {}", oneLine(ex.getMessage()));
		}
	}

	private void restoreAutoCommit() {
		try {
			this.connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			// The connection is broken; the failure being reported already says so.
			logger.debug("Could not restore auto-commit", ex);
		}
	}

	/**
	 * Runs the statements in order. Inside a transaction, consecutive statements the
	 * dialect can batch are sent together in one round trip; a failure in a batch is
	 * traced back to its statement from the driver's report.
	 */
	private void execute(Step step, List<SqlStatement> statements, Progress progress, boolean inTransaction)
			throws SQLException {
		if (step.migration().code() != null) {
			runJava(step, progress);
			return;
		}
		try (Statement jdbc = this.connection.createStatement()) {
			this.running = jdbc;
			int batched = 0;
			for (int i = 0; i < statements.size(); i++) {
				SqlStatement statement = statements.get(i);
				if (logger.isDebugEnabled()) {
					logger.debug("{} {} statement {} (line {}): {}", step.direction().label(), step.migration().name(),
							i + 1, statement.line(), abbreviate(this.masking.mask(statement.sql())));
				}
				if (inTransaction && this.dialect.isBatchable(statement) && joinBatch(jdbc, statement)) {
					batched++;
					continue;
				}
				sendBatch(jdbc, statements, i - batched, batched, progress);
				batched = 0;
				progress.at(i, statement);
				checkNotCancelled();
				if (!inTransaction && this.boundEachStatement != null && this.dialect.boundsTableLockWaits()
						&& !this.dialect.cannotRunInTransaction(statement) && !statement.controlsTransaction()) {
					executeBounded(jdbc, statement, this.boundEachStatement);
				}
				else {
					this.dialect.execute(jdbc, statement.sql());
				}
			}
			sendBatch(jdbc, statements, statements.size() - batched, batched, progress);
		}
		finally {
			this.running = null;
		}
		progress.at(-1, null);
	}

	/**
	 * Runs a statement of a file that runs outside a transaction in a transaction of its
	 * own, which bounds its lock waits; the same as auto-commit otherwise.
	 */
	private void executeBounded(Statement jdbc, SqlStatement statement, Duration bound) throws SQLException {
		inBoundedTransaction(bound, false, () -> this.dialect.execute(jdbc, statement.sql()));
	}

	/**
	 * A Java migration is statement 1 of its migration, without a line; what it throws
	 * fails the migration.
	 */
	private void runJava(Step step, Progress progress) throws SQLException {
		JavaMigration code = step.migration().code();
		progress.at(0, null);
		checkNotCancelled();
		logger.debug("{} {}: {}", step.direction().label(), step.migration().name(), code.getClass().getName());
		try {
			if (step.direction() == Direction.UP) {
				code.up(this.connection);
			}
			else {
				code.down(this.connection);
			}
		}
		catch (SQLException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new SQLException(ex.getClass().getName() + ": " + ex.getMessage(), null, 0, ex);
		}
		progress.at(-1, null);
	}

	/**
	 * Adds a statement to the batch; false when the driver will not batch it (several
	 * statements in one text).
	 */
	private static boolean joinBatch(Statement jdbc, SqlStatement statement) {
		try {
			jdbc.addBatch(statement.sql());
			return true;
		}
		catch (SQLException ex) {
			// Nothing was sent: the driver refused the text before it reached the server.
			logger.debug("Sending statement on its own: {}", ex.getMessage());
			return false;
		}
	}

	private void sendBatch(Statement jdbc, List<SqlStatement> statements, int first, int count, Progress progress)
			throws SQLException {
		if (count == 0) {
			return;
		}
		progress.at(first, statements.get(first));
		checkNotCancelled();
		try {
			jdbc.executeBatch();
		}
		catch (BatchUpdateException ex) {
			int failed = BatchFailures.failedEntry(ex, count);
			if (failed >= 0) {
				progress.at(first + failed, statements.get(first + failed));
			}
			throw BatchFailures.cause(ex);
		}
		finally {
			jdbc.clearBatch();
		}
	}

	/**
	 * Cancelled before a statement started: fails the way a statement the driver
	 * cancelled fails.
	 */
	private void checkNotCancelled() throws SQLException {
		if (this.cancelled) {
			throw new SQLException("cancelled before the statement started", QUERY_CANCELED);
		}
	}

	private void record(Step step, OptionalLong current, Progress progress) throws SQLException {
		// One execution time for the log line, the result and the metadata row: from the
		// start of the step until its
		// history is written. The commit that follows is not in it, because the row
		// cannot hold its own commit.
		progress.executionTime = Duration.ofNanos(System.nanoTime() - progress.started);
		if (step.direction() == Direction.UP) {
			this.history.recordApplied(this.connection, step.version(), step.migration().name(),
					step.migration().checksum(), progress.executionTime, current.orElse(step.version()));
		}
		else {
			this.history.recordRolledBack(this.connection, step.version(), current);
		}
	}

	private MigrationFailedException failure(Step step, TransactionMode mode, Progress progress, SQLException failed,
			List<MigrationResult> completed, int attempts) {
		// The database may quote the statement back, secret values and all.
		SQLException ex = this.masking.safe(failed);
		String location = step.script().isPresent() ? step.script().location() : step.migration().location();
		String message = (progress.statement > 0) ? oneLine(ex.getMessage())
				: (progress.committing ? "committing failed: "
						: "recording the version in " + this.history.versions().table() + " failed: ")
						+ oneLine(ex.getMessage());
		List<SqlStatement> statements = step.script().isPresent() ? step.script().section().statements() : List.of();
		if (progress.statement > 0 && progress.statement <= statements.size()) {
			// A Java migration is statement 1, without a SQL statement of its own.
			String hint = this.dialect.explain(failed, statements.get(progress.statement - 1));
			if (hint != null) {
				message += ". " + hint;
			}
		}
		Duration bound = tableLockTimeout(step);
		if (bound != null && this.dialect.isTableLockTimeout(failed)) {
			message += " (waited " + bound.toMillis() + " ms for a lock held by " + holder()
					+ ((attempts > 1) ? "; tried " + attempts + " times" : "") + ")";
		}
		MigrationFailedException.Failure failure = new MigrationFailedException.Failure(step.version(), location,
				step.direction(), progress.statement, progress.line, ex.getSQLState(), ex.getErrorCode(), message,
				mode.isAtomic(), mode == TransactionMode.GUARDED_BY_DIRTY_FLAG,
				mode.isAtomic() ? committedImplicitly(step, progress.statement) : 0);
		return new MigrationFailedException(failure, completed, ex);
	}

	/**
	 * How many leading statements of a failed transactional script the database committed
	 * on its own (MySQL commits before each DDL statement), so that they stayed applied
	 * although the transaction rolled back.
	 * @param failedStatement the failed statement's number, from 1, or 0 when the history
	 * update failed after all of them
	 */
	private int committedImplicitly(Step step, int failedStatement) {
		if (this.dialect.transactionalDdl() || !step.script().isPresent()) {
			return 0;
		}
		List<SqlStatement> statements = step.script().section().statements();
		int failed = (failedStatement > 0) ? failedStatement : statements.size() + 1;
		if (failed <= statements.size() && this.dialect.commitsImplicitly(statements.get(failed - 1))) {
			// It committed everything before it, then failed.
			return failed - 1;
		}
		for (int i = failed - 1; i >= 1; i--) {
			// It committed everything before it, and itself.
			if (this.dialect.commitsImplicitly(statements.get(i - 1))) {
				return i;
			}
		}
		return 0;
	}

	static String oneLine(String message) {
		return (message != null) ? message.replaceAll("\\s*\\R\\s*", " ").strip() : "no message";
	}

	private static String abbreviate(String sql) {
		String flat = oneLine(sql);
		return (flat.length() <= LOGGED_SQL_LENGTH) ? flat : flat.substring(0, LOGGED_SQL_LENGTH) + "…";
	}

	/** Which statement is running, for the failure report. */
	private static final class Progress {

		private final long started;

		private int statement;

		private int line;

		private Duration executionTime = Duration.ZERO;

		/** Every statement and the history update are done; the commit runs. */
		private boolean committing;

		Progress(long started) {
			this.started = started;
		}

		/** Notes the statement at an index as running, or none ({@code index} -1). */
		void at(int index, SqlStatement running) {
			this.statement = index + 1;
			this.line = (running != null) ? running.line() : 0;
			this.committing = false;
		}

		/** What was running, for the log. */
		String describe() {
			if (this.statement > 0) {
				return "statement " + this.statement + ((this.line > 0) ? " (line " + this.line + ")" : "");
			}
			return this.committing ? "the commit" : "the history update";
		}

	}

}
