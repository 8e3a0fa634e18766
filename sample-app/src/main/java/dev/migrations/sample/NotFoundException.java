package dev.migrations.sample;

/** A request named something that does not exist. */
public abstract class NotFoundException extends ProxyException {

	private static final long serialVersionUID = 1L;

	protected NotFoundException(String message) {
		super(message);
	}

}
