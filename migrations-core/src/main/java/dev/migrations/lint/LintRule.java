package dev.migrations.lint;

/**
 * The rules of the PostgreSQL lint, each with why its statements are dangerous on a live
 * database and the safe way to the same change. Locks are named as PostgreSQL's
 * documentation names them.
 */
enum LintRule {

	INDEX_NOT_CONCURRENT("index-not-concurrent",
			"Without CONCURRENTLY the index is built (or dropped) under a SHARE (ACCESS EXCLUSIVE for DROP) lock,"
					+ " which stops every write to the table (every query, for DROP) until it is done.",
			"CREATE INDEX CONCURRENTLY (DROP INDEX CONCURRENTLY) in a file of its own that runs outside a"
					+ " transaction ('-- +goose NO TRANSACTION', or a golang-migrate file holding only that statement)."),

	VOLATILE_DEFAULT("volatile-default",
			"A new column whose default is volatile (or serial, or a stored generated column) rewrites the whole"
					+ " table under an ACCESS EXCLUSIVE lock; a constant default is only recorded in the catalog.",
			"Add the column without that default (or with a constant one), set the default afterwards, and fill"
					+ " existing rows in batches."),

	ALTER_COLUMN_TYPE("alter-column-type",
			"Changing a column's type rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (except"
					+ " for the few binary-compatible changes), and breaks code that reads the old type.",
			"Add a column of the new type, write both, backfill in batches, switch readers, then drop the old"
					+ " column."),

	SET_NOT_NULL("set-not-null",
			"SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock unless a validated CHECK (column IS"
					+ " NOT NULL) already proves it.",
			"ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT (which takes a"
					+ " weaker lock), then SET NOT NULL, then drop the check."),

	CONSTRAINT_NOT_VALID("constraint-not-valid",
			"Adding a foreign key or check constraint checks every row while holding a lock that blocks writes"
					+ " (and, for a foreign key, writes to the referenced table too).",
			"ADD CONSTRAINT ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later statement or"
					+ " migration, which checks the rows under a weaker lock."),

	UNIQUE_WITHOUT_INDEX("unique-without-index",
			"Adding a UNIQUE or PRIMARY KEY constraint builds its index under an ACCESS EXCLUSIVE lock.",
			"CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX (or PRIMARY KEY"
					+ " USING INDEX)."),

	RENAME_COLUMN("rename-column",
			"Instances of the application still running the previous version read and write the old name and"
					+ " fail until they are replaced.",
			"Add the new column, write both, backfill, move readers, and drop the old column in a later release"
					+ " (or expose the new name through a view)."),

	RENAME_TABLE("rename-table",
			"Instances of the application still running the previous version use the old name and fail until"
					+ " they are replaced.",
			"Create the new table (or a view under the new name), move readers and writers over, and drop the old"
					+ " name in a later release."),

	DROP_COLUMN("drop-column",
			"Instances of the application still running the previous version may select or insert the column and"
					+ " fail until they are replaced.",
			"Stop using the column in a release first, then drop it in a later migration."),

	DROP_TABLE("drop-table",
			"Instances of the application still running the previous version may use the table, and the data is"
					+ " gone for good.",
			"Stop using the table in a release first, then drop it in a later migration, after a backup."),

	VACUUM_FULL_OR_CLUSTER("vacuum-full-or-cluster",
			"VACUUM FULL and CLUSTER rewrite the whole table under an ACCESS EXCLUSIVE lock, stopping every query"
					+ " on it until they finish.",
			"Leave space reclaiming to autovacuum, or use an online tool such as pg_repack, outside migrations."),

	CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction",
			"CONCURRENTLY cannot run inside a transaction block, and this file runs in one: the migration fails.",
			"Put the statement in a file of its own marked '-- +goose NO TRANSACTION' (a golang-migrate file"
					+ " holding only that statement runs outside a transaction)."),

	DDL_WITH_FULL_UPDATE("ddl-with-full-update",
			"An UPDATE or DELETE without WHERE in the same transaction as DDL touches every row while the DDL's"
					+ " ACCESS EXCLUSIVE lock is held, so the table stops answering for as long as the update takes.",
			"Change the schema in one migration and update the rows in batches in another (or in the"
					+ " application).");

	private final String id;

	private final String why;

	private final String safeWay;

	LintRule(String id, String why, String safeWay) {
		this.id = id;
		this.why = why;
		this.safeWay = safeWay;
	}

	String id() {
		return this.id;
	}

	String why() {
		return this.why;
	}

	String safeWay() {
		return this.safeWay;
	}

	static LintRule byId(String id) {
		for (LintRule rule : values()) {
			if (rule.id.equals(id)) {
				return rule;
			}
		}
		return null;
	}

}
