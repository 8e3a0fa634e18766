package dev.migrations.sample.audit;

import java.time.Instant;

/**
 * One row of {@code audit_events}: who did what to which project or token, and how it
 * ended. It never holds an API key or a token secret; tokens are named by id.
 *
 * @param id the event's id, a time-ordered UUID
 * @param timestamp when it happened
 * @param action what was done, such as {@code project.create} or {@code token.check}
 * @param actor who did it: {@code management-api} or {@code proxy}
 * @param projectId the project concerned, or {@code null}
 * @param requestId the request's id ({@code X-Request-Id})
 * @param correlationId the caller's correlation id ({@code X-Correlation-Id}), or
 * {@code null}
 * @param clientIp the client's address
 * @param method the HTTP method
 * @param path the request path, without its query
 * @param userAgent the client's {@code User-Agent}, or {@code null}
 * @param outcome how it ended
 * @param reason why it failed or was denied, or {@code null}
 * @param tokenId the token concerned, or {@code null}
 * @param metadata more about it as JSON text, or {@code null}
 */
public record AuditEvent(String id, Instant timestamp, String action, String actor, String projectId, String requestId,
		String correlationId, String clientIp, String method, String path, String userAgent, Outcome outcome,
		String reason, String tokenId, String metadata) {

}
