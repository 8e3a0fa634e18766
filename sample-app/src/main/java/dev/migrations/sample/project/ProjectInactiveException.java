package dev.migrations.sample.project;

import dev.migrations.sample.ConflictException;

/** The project was deactivated, so it gets no new tokens. */
public final class ProjectInactiveException extends ConflictException {

	private static final long serialVersionUID = 1L;

	private final String projectId;

	public ProjectInactiveException(String projectId) {
		super("Project " + projectId + " is deactivated; it gets no new tokens.");
		this.projectId = projectId;
	}

	/** The project's id. */
	public String projectId() {
		return this.projectId;
	}

}
