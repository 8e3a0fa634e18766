package dev.migrations;

/**
 * Base type of every failure the engine reports. Each kind of failure is a subclass
 * carrying its facts as fields, so callers (and the Spring Boot failure analyzers) switch
 * on the type instead of parsing messages.
 */
public abstract class MigrationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	protected MigrationException(String message) {
		super(message);
	}

	protected MigrationException(String message, Throwable cause) {
		super(message, cause);
	}

}
