package dev.migrations.sample;

/** A request that the data as it stands does not allow. */
public abstract class ConflictException extends ProxyException {

	private static final long serialVersionUID = 1L;

	protected ConflictException(String message) {
		super(message);
	}

}
