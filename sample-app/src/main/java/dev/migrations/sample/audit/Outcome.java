package dev.migrations.sample.audit;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How an audited request ended; the values the {@code audit_events.outcome} constraint
 * allows.
 */
public enum Outcome {

	/** It did what was asked. */
	SUCCESS,

	/** The request was wrong: invalid, naming nothing, or conflicting with the data. */
	FAILURE,

	/** It was refused: a token check that did not pass. */
	DENIED,

	/** The server failed. */
	ERROR;

	/** The stored and shown name: {@code success}, ... */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The outcome of a response status.
	 * @param status the HTTP status
	 * @return the outcome
	 */
	public static Outcome ofStatus(int status) {
		if (status >= 500) {
			return ERROR;
		}
		if (status == 401 || status == 403 || status == 429) {
			return DENIED;
		}
		return (status >= 400) ? FAILURE : SUCCESS;
	}

	/**
	 * Reads a stored or requested name.
	 * @param value the name
	 * @return the outcome
	 * @throws IllegalArgumentException when it names none
	 */
	public static Outcome of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
