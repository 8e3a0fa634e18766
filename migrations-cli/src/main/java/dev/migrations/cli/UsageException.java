package dev.migrations.cli;

/**
 * The command line is wrong: an unknown command or option, or a missing or malformed
 * argument.
 */
final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String command;

	UsageException(String message) {
		this(message, null);
	}

	/**
	 * Creates the exception.
	 * @param message what is wrong
	 * @param command the command whose usage to show, or {@code null} for the whole
	 * command line's
	 */
	UsageException(String message, String command) {
		super(message);
		this.command = command;
	}

	/** The command whose usage to show, or {@code null} for the whole command line's. */
	String command() {
		return this.command;
	}

}
