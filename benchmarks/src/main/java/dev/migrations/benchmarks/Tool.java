package dev.migrations.benchmarks;

/** The migration tools compared, in the order each round runs them. */
public enum Tool {

	/** This engine, on goose files. */
	OURS("ours"),

	/** Flyway, on {@code V1__…} files. */
	FLYWAY("flyway"),

	/** Liquibase, on one formatted-SQL changelog. */
	LIQUIBASE("liquibase"),

	/**
	 * Plain JDBC: the same statements, one transaction per migration with a history row.
	 */
	RAW("raw");

	private final String key;

	Tool(String key) {
		this.key = key;
	}

	/** The tool's name in tables, RESULT lines and child arguments. */
	public String key() {
		return this.key;
	}

	/**
	 * The tool of a name given by {@link #key()}.
	 * @param key the name
	 * @return the tool
	 */
	public static Tool of(String key) {
		for (Tool tool : values()) {
			if (tool.key.equals(key)) {
				return tool;
			}
		}
		throw new IllegalArgumentException("Unknown tool " + key);
	}

}
