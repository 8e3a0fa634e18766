package dev.migrations.sample.project;

import dev.migrations.sample.NotFoundException;

/** No project has the id a request named. */
public final class ProjectNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	private final String projectId;

	public ProjectNotFoundException(String projectId) {
		super("No project has the id " + projectId + ".");
		this.projectId = projectId;
	}

	/** The id asked for. */
	public String projectId() {
		return this.projectId;
	}

}
