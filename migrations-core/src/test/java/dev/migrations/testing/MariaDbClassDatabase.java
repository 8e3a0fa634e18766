package dev.migrations.testing;

/**
 * The MariaDB database of the test class that runs now, for Spring tests whose context
 * reads its URL from a {@code @DynamicPropertySource}: created the first time it is asked
 * for, dropped by the class's {@code @AfterAll}. Test classes of one JVM run one after
 * another, so one is enough.
 */
public final class MariaDbClassDatabase {

	private static MariaDbTestDatabase database;

	private MariaDbClassDatabase() {
	}

	/** The database, created the first time it is asked for. */
	public static synchronized MariaDbTestDatabase get() {
		if (database == null) {
			database = MariaDbTestDatabase.create();
		}
		return database;
	}

	/** Drops the database, if one was created. */
	public static synchronized void drop() {
		if (database != null) {
			database.close();
			database = null;
		}
	}

}
