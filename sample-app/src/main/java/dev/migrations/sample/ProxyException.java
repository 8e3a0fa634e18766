package dev.migrations.sample;

/**
 * Base of the failures the management API answers with a problem: each subclass is one
 * kind, and its message is written for the client (it never carries an API key or a token
 * secret).
 */
public abstract class ProxyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	protected ProxyException(String message) {
		super(message);
	}

}
