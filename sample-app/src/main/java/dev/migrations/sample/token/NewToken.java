package dev.migrations.sample.token;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Positive;

/**
 * The body of {@code POST /api/projects/{id}/tokens}; both limits are optional.
 *
 * @param expiresAt when the token expires, ISO-8601 with an offset, in the future
 * @param maxRequests how many checks it may pass, at least 1
 */
public record NewToken(@Future OffsetDateTime expiresAt, @Positive Integer maxRequests) {

	/** No expiry and no limit. */
	static final NewToken UNLIMITED = new NewToken(null, null);

}
