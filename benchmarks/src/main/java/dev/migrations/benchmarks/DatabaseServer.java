package dev.migrations.benchmarks;

/** Hands out fresh databases of one kind, one per run. */
public interface DatabaseServer {

	/** Which kind of database it hands out. */
	DatabaseKind kind();

	/**
	 * Creates an empty database.
	 * @param label what it is for, part of its name
	 * @return the database, removed when closed
	 */
	ScratchDatabase create(String label);

}
