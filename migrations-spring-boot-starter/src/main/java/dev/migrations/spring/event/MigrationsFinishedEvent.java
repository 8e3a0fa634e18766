package dev.migrations.spring.event;

import dev.migrations.MigrateResult;
import dev.migrations.Migrator;

/**
 * The startup migrations finished (or found nothing to do): code that uses the database
 * in the background can start.
 */
public class MigrationsFinishedEvent extends MigrationsEvent {

	private static final long serialVersionUID = 1L;

	private final transient MigrateResult result;

	/**
	 * Creates the event.
	 * @param migrator the migrator that ran
	 * @param result what ran, or {@code null} when the startup only validated
	 */
	public MigrationsFinishedEvent(Migrator migrator, MigrateResult result) {
		super(migrator);
		this.result = result;
	}

	/** What ran, or {@code null} when the startup only validated. */
	public MigrateResult getResult() {
		return this.result;
	}

}
