package dev.migrations.benchmarks;

/**
 * A measurement that cannot be trusted: a tool failed, a child process reported no
 * timing, or a database does not hold what a tool claims to have applied. The benchmark
 * stops rather than report a time.
 */
public class BenchmarkException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong, without passwords
	 */
	public BenchmarkException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with its cause.
	 * @param message what went wrong, without passwords
	 * @param cause the underlying failure
	 */
	public BenchmarkException(String message, Throwable cause) {
		super(message, cause);
	}

}
