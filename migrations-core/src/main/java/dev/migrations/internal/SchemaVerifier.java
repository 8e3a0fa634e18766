package dev.migrations.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Direction;
import dev.migrations.IrreversibleMigrationException;
import dev.migrations.MigrateResult;
import dev.migrations.MigrationParseException;
import dev.migrations.MigrationStateException;
import dev.migrations.Operation;
import dev.migrations.VerifyResult;
import dev.migrations.format.Migration;
import dev.migrations.history.HistoryState;
import dev.migrations.verify.SchemaSnapshot;

/**
 * Proves on a scratch database that every Down undoes its Up: applies the migrations one
 * at a time, noting the schema before each; rolls them back one at a time, comparing the
 * schema after each Down with the one noted before its Up; then applies everything again.
 * Every step is a real migration, recorded in the version table, and the lock is held
 * throughout.
 */
public final class SchemaVerifier {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrations");

	private final Settings settings;

	private final Connector connector;

	private final MigrationRunner runner;

	/**
	 * Creates the verifier.
	 * @param settings what to verify with; its baseline and backup options are ignored,
	 * as a scratch database has nothing to baseline or keep
	 */
	public SchemaVerifier(Settings settings) {
		this.settings = settings;
		this.connector = new Connector(settings);
		this.runner = new MigrationRunner(new Settings(settings.dataSource(), settings.catalog(), settings.table(),
				settings.metadataTable(), settings.lockTimeout(), settings.outOfOrder(), settings.validation(), null,
				null, settings.connectRetries(), settings.tableLockTimeout(), settings.listeners()));
	}

	/**
	 * Applies, rolls back and applies again every migration, checking each Down.
	 * @return the verified versions
	 * @throws MigrationStateException when versions are applied already: verify needs a
	 * scratch database
	 * @throws IrreversibleMigrationException for the first migration, from the latest
	 * down, whose Down does not undo its Up
	 */
	public VerifyResult verify() {
		long started = System.nanoTime();
		List<Migration> migrations = this.settings.catalog().all();
		checkParsed(migrations);
		return this.connector.withSession("verifying the Down sections", (session) -> {
			refuseUnlessScratch(session.read());
			return this.connector.locked(session, (locked) -> verifyLocked(locked, migrations, started));
		});
	}

	private VerifyResult verifyLocked(Session session, List<Migration> migrations, long started) throws SQLException {
		refuseUnlessScratch(session.read());
		Set<String> excluded = Set.of(this.settings.table().name(), this.settings.metadataTable().name());
		List<SchemaSnapshot> before = new ArrayList<>();
		for (Migration migration : migrations) {
			before.add(session.dialect().snapshot(session.connection(), excluded));
			step(session, new Operation.Up(migration.version(), 1), migration);
		}
		for (int i = migrations.size() - 1; i >= 0; i--) {
			Migration migration = migrations.get(i);
			step(session, Operation.down(), migration);
			SchemaSnapshot after = session.dialect().snapshot(session.connection(), excluded);
			List<String> differences = after.differencesFrom(before.get(i));
			if (!differences.isEmpty()) {
				throw new IrreversibleMigrationException(migration.version(), migration.location(), differences);
			}
			logger.info("OK   verify {}: Down undoes Up", migration.name());
		}
		MigrateResult again = this.runner.runLocked(session, Operation.up(), System.nanoTime());
		Duration duration = Duration.ofNanos(System.nanoTime() - started);
		logger.info(
				"verify: the Down sections of {} migration{} undo their Ups; applied again, the database is at"
						+ " version {} ({} ms)",
				migrations.size(), (migrations.size() == 1) ? "" : "s", again.finalVersion(), duration.toMillis());
		return new VerifyResult(migrations.stream().map(Migration::version).toList(), duration);
	}

	/**
	 * Runs one step and checks it moved exactly the expected migration, which holding the
	 * lock guarantees.
	 */
	private void step(Session session, Operation operation, Migration expected) throws SQLException {
		MigrateResult result = this.runner.runLocked(session, operation, System.nanoTime());
		if (result.migrations().size() != 1 || result.migrations().get(0).version() != expected.version()) {
			throw new IllegalStateException(
					operation.describe() + " was to run " + expected.name() + " but ran " + result.migrations());
		}
	}

	private void refuseUnlessScratch(HistoryState state) {
		if (!state.applied().isEmpty()) {
			throw new MigrationStateException("Cannot verify: " + this.settings.table() + " records "
					+ state.applied().size() + " applied version" + ((state.applied().size() == 1) ? "" : "s")
					+ " (the database is at version " + state.currentVersion()
					+ "). verify applies and rolls back every"
					+ " migration, so it must run against a scratch database without migrations.");
		}
	}

	/**
	 * Every section runs, so every section must parse, before the first statement does.
	 */
	private static void checkParsed(List<Migration> migrations) {
		for (Migration migration : migrations) {
			for (Direction direction : Direction.values()) {
				MigrationParseException error = migration.script(direction).section().error();
				if (error != null) {
					throw error;
				}
			}
		}
	}

}
