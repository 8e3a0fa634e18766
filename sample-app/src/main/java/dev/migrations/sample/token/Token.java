package dev.migrations.sample.token;

import java.time.Instant;

import dev.migrations.sample.audit.AuditSubject;

/**
 * A token as the API shows it after its creation: named by its id, without its secret.
 *
 * @param id the token's id, a UUID
 * @param projectId the project it belongs to
 * @param expiresAt when it expires, or {@code null} for never
 * @param isActive whether it is active (not revoked, its project not deactivated)
 * @param requestCount how many checks it passed
 * @param maxRequests how many it may pass, or {@code null} for no limit
 * @param createdAt when it was created
 * @param lastUsedAt when it last passed a check, or {@code null}
 * @param deactivatedAt when it was revoked or its project deactivated, or {@code null}
 * @param cacheHitCount requests the proxy answered from its cache
 */
public record Token(String id, String projectId, Instant expiresAt, boolean isActive, long requestCount,
		Integer maxRequests, Instant createdAt, Instant lastUsedAt, Instant deactivatedAt,
		long cacheHitCount) implements AuditSubject {

	@Override
	public String auditedProjectId() {
		return this.projectId;
	}

	@Override
	public String auditedTokenId() {
		return this.id;
	}

	/**
	 * Why this token would fail a check at a time.
	 * @param now the time of the check
	 * @return the reason, or {@link TokenStatus#VALID} when nothing about the token
	 * itself forbids it
	 */
	TokenStatus statusAt(Instant now) {
		if (!this.isActive) {
			return TokenStatus.REVOKED;
		}
		if (this.expiresAt != null && !this.expiresAt.isAfter(now)) {
			return TokenStatus.EXPIRED;
		}
		if (this.maxRequests != null && this.requestCount >= this.maxRequests) {
			return TokenStatus.OVER_LIMIT;
		}
		return TokenStatus.VALID;
	}

}
