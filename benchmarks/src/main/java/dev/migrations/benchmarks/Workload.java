package dev.migrations.benchmarks;

/** What is measured. */
public enum Workload {

	/** Applying N migrations to an empty database. */
	APPLY("apply"),

	/**
	 * Migrating a database that already has the same N migrations: the cost of finding
	 * nothing to do.
	 */
	NOOP("noop"),

	/**
	 * One Spring Boot application's time to ready with this starter, with Flyway's, and
	 * with neither, its migrations already applied.
	 */
	STARTUP("startup"),

	/**
	 * The CPU of whole {@code migrate} processes that find nothing to do: the standalone
	 * jar, its launcher and the sample app's entry, beside the JVM floor.
	 */
	CLI("cli"),

	/**
	 * The sample application under steady HTTP load while a migration alters a table that
	 * a long transaction holds, with this engine's table lock timeout and without it;
	 * PostgreSQL only.
	 */
	UNDER_LOAD("under-load"),

	/**
	 * The goose parser's throughput and the heap needed to plan 10,000 migrations; this
	 * engine only.
	 */
	PARSE("parse");

	private final String key;

	Workload(String key) {
		this.key = key;
	}

	/** The name in options and RESULT lines. */
	public String key() {
		return this.key;
	}

}
