package dev.migrations.internal;

import java.util.List;

import dev.migrations.MigrationFormat;
import dev.migrations.dialect.Dialect;
import dev.migrations.parser.SqlStatement;

/** How one migration script runs with respect to transactions. */
enum TransactionMode {

	/** In one transaction with its history update: a failure leaves nothing behind. */
	TRANSACTION,

	/**
	 * goose's {@code NO TRANSACTION}: statements in auto-commit, recorded after the last
	 * one succeeds.
	 */
	NONE,

	/**
	 * golang-migrate's way for scripts that manage their own transaction or hold a
	 * statement that cannot run in one, and for every golang-migrate script where DDL is
	 * not transactional (MySQL), as golang-migrate runs them: marked dirty first, run as
	 * written, marked clean after.
	 */
	GUARDED_BY_DIRTY_FLAG;

	/** Whether a failure leaves no effects behind. */
	boolean isAtomic() {
		return this == TRANSACTION;
	}

	static TransactionMode of(MigrationFormat format, boolean noTransaction, List<SqlStatement> statements,
			Dialect dialect) {
		if (format == MigrationFormat.GOOSE) {
			return noTransaction ? NONE : TRANSACTION;
		}
		if (!dialect.transactionalDdl()) {
			return GUARDED_BY_DIRTY_FLAG;
		}
		boolean ownTransaction = statements.stream().anyMatch(SqlStatement::controlsTransaction);
		boolean loneNonTransactional = statements.size() == 1 && dialect.cannotRunInTransaction(statements.get(0));
		return (ownTransaction || loneNonTransactional) ? GUARDED_BY_DIRTY_FLAG : TRANSACTION;
	}

}
