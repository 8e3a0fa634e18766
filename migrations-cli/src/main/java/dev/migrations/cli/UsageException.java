package dev.migrations.cli;

/** The command line is wrong: an unknown command or option, or a missing or malformed argument. */
final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}

}
