package dev.migrations.testing;

/**
 * The PostgreSQL schema of the test class that runs now, for Spring tests whose context
 * reads its URL from a {@code @DynamicPropertySource}: created the first time it is asked
 * for, dropped by the class's {@code @AfterAll}. Test classes of one JVM run one after
 * another, so one is enough.
 */
public final class PostgresClassSchema {

	private static PostgresTestDatabase database;

	private PostgresClassSchema() {
	}

	/** The schema, created the first time it is asked for. */
	public static synchronized PostgresTestDatabase get() {
		if (database == null) {
			database = PostgresTestDatabase.create();
		}
		return database;
	}

	/** Drops the schema, if one was created. */
	public static synchronized void drop() {
		if (database != null) {
			database.close();
			database = null;
		}
	}

}
