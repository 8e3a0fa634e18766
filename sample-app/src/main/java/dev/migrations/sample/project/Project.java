package dev.migrations.sample.project;

import java.time.Instant;

import dev.migrations.sample.audit.AuditSubject;

/**
 * A project as the API shows it. Its API key is not here: the key is written once and
 * never read back.
 *
 * @param id the project's id, a UUID
 * @param name its unique name
 * @param isActive whether it is active; a deactivated project's tokens are inactive too
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param deactivatedAt when it was deactivated, or {@code null}
 */
public record Project(String id, String name, boolean isActive, Instant createdAt, Instant updatedAt,
		Instant deactivatedAt) implements AuditSubject {

	@Override
	public String auditedProjectId() {
		return this.id;
	}

}
