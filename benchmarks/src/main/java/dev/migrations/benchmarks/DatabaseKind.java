package dev.migrations.benchmarks;

/** The databases the benchmark runs on. */
public enum DatabaseKind {

	/** A SQLite file of its own per run. */
	SQLITE("sqlite"),

	/** A database of its own per run on the PostgreSQL server. */
	POSTGRES("postgres");

	private final String key;

	DatabaseKind(String key) {
		this.key = key;
	}

	/** The name in options and RESULT lines. */
	public String key() {
		return this.key;
	}

}
