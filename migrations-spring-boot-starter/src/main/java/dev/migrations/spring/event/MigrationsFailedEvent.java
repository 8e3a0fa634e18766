package dev.migrations.spring.event;

import dev.migrations.Migrator;

/** The startup migrations failed; the application will not start. */
public class MigrationsFailedEvent extends MigrationsEvent {

	private static final long serialVersionUID = 1L;

	private final transient RuntimeException failure;

	/**
	 * Creates the event.
	 * @param migrator the migrator that failed
	 * @param failure why
	 */
	public MigrationsFailedEvent(Migrator migrator, RuntimeException failure) {
		super(migrator);
		this.failure = failure;
	}

	/** Why the migrations failed. */
	public RuntimeException getFailure() {
		return this.failure;
	}

}
