package dev.migrations.sample.token;

import java.time.Instant;

import dev.migrations.sample.audit.AuditSubject;

/**
 * The answer of {@code POST /v1/tokens/check}. Everything but the status is {@code null}
 * for an unknown token.
 *
 * @param status the answer
 * @param tokenId the token's id
 * @param projectId its project
 * @param requestCount the checks it passed, this one included when valid
 * @param maxRequests how many it may pass, or {@code null}
 * @param expiresAt when it expires, or {@code null}
 */
public record TokenCheck(TokenStatus status, String tokenId, String projectId, Long requestCount, Integer maxRequests,
		Instant expiresAt) implements AuditSubject {

	@Override
	public String auditedProjectId() {
		return this.projectId;
	}

	@Override
	public String auditedTokenId() {
		return this.tokenId;
	}

	/** The status, when the check did not pass. */
	@Override
	public String auditedReason() {
		return (this.status != TokenStatus.VALID) ? this.status.value() : null;
	}

	static TokenCheck unknown() {
		return new TokenCheck(TokenStatus.UNKNOWN, null, null, null, null, null);
	}

	static TokenCheck of(TokenStatus status, Token token) {
		return new TokenCheck(status, token.id(), token.projectId(), token.requestCount(), token.maxRequests(),
				token.expiresAt());
	}

}
