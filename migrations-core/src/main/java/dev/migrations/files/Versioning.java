package dev.migrations.files;

/** How {@link MigrationFiles#create} numbers a new migration. */
public enum Versioning {

	/**
	 * One more than the highest sequential version in the directory; timestamp versions
	 * do not count.
	 */
	SEQUENTIAL,

	/** The current UTC time as {@code yyyyMMddHHmmss}, as the Go tools do by default. */
	TIMESTAMP

}
