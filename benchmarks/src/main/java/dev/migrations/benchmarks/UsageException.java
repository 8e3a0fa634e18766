package dev.migrations.benchmarks;

/** A command line the benchmark cannot run; the message says which argument and why. */
public final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what is wrong with the arguments
	 */
	public UsageException(String message) {
		super(message);
	}

}
