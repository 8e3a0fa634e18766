package dev.migrations.sample.project;

import dev.migrations.sample.ConflictException;

/** Another project has the name a new one asked for. */
public final class ProjectNameTakenException extends ConflictException {

	private static final long serialVersionUID = 1L;

	private final String name;

	public ProjectNameTakenException(String name) {
		super("A project named '" + name + "' exists already; project names are unique.");
		this.name = name;
	}

	/** The name asked for. */
	public String name() {
		return this.name;
	}

}
