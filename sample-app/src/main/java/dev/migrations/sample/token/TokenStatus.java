package dev.migrations.sample.token;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The answers of a token check. */
public enum TokenStatus {

	/** The token may be used; the check counted. */
	VALID,

	/** Its expiry time has passed. */
	EXPIRED,

	/** It was revoked, or its project deactivated. */
	REVOKED,

	/** It passed as many checks as it may. */
	OVER_LIMIT,

	/** No token has that secret. */
	UNKNOWN;

	/** The name in answers and audit events: {@code valid}, {@code over_limit}, ... */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
