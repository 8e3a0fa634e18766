package dev.migrations.spring.event;

import org.springframework.context.ApplicationEvent;

import dev.migrations.Migrator;

/**
 * Base type of the events about the startup migrations; the source is the
 * {@link Migrator}.
 */
public abstract class MigrationsEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	protected MigrationsEvent(Migrator migrator) {
		super(migrator);
	}

	/** The migrator that ran. */
	public Migrator getMigrator() {
		return (Migrator) getSource();
	}

}
