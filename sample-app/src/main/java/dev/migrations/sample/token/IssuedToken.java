package dev.migrations.sample.token;

import java.time.Instant;

import dev.migrations.sample.audit.AuditSubject;

/**
 * A token just created: the one answer that carries its secret.
 *
 * @param id the token's id, which names it from now on
 * @param token the secret the proxy's clients send
 * @param projectId the project it belongs to
 * @param expiresAt when it expires, or {@code null} for never
 * @param maxRequests how many checks it may pass, or {@code null} for no limit
 * @param isActive always {@code true}
 * @param requestCount always 0
 * @param createdAt when it was created
 */
public record IssuedToken(String id, String token, String projectId, Instant expiresAt, Integer maxRequests,
		boolean isActive, long requestCount, Instant createdAt) implements AuditSubject {

	@Override
	public String auditedProjectId() {
		return this.projectId;
	}

	@Override
	public String auditedTokenId() {
		return this.id;
	}

	/** Leaves the secret out, so that the answer can be logged. */
	@Override
	public String toString() {
		return "IssuedToken[id=" + this.id + ", projectId=" + this.projectId + ", token=***]";
	}

}
