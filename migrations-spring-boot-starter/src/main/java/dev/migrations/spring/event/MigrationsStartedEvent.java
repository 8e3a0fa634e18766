package dev.migrations.spring.event;

import dev.migrations.Migrator;

/** The startup migrations are about to run. */
public class MigrationsStartedEvent extends MigrationsEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the event.
	 * @param migrator the migrator about to run
	 */
	public MigrationsStartedEvent(Migrator migrator) {
		super(migrator);
	}

}
