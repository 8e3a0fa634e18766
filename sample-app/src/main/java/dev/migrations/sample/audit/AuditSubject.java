package dev.migrations.sample.audit;

/**
 * An answer that names what an audited request concerned; for answers that do not, the
 * request path's {@code projectId} and {@code tokenId} variables do.
 */
public interface AuditSubject {

	/** The project concerned, or {@code null}. */
	default String auditedProjectId() {
		return null;
	}

	/** The token concerned, or {@code null}. */
	default String auditedTokenId() {
		return null;
	}

	/** Why the request did not succeed, or {@code null}. */
	default String auditedReason() {
		return null;
	}

}
