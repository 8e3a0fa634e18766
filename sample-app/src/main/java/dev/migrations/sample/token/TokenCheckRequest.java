package dev.migrations.sample.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/tokens/check}.
 *
 * @param token the secret to check
 */
public record TokenCheckRequest(@NotBlank @Size(max = 200) String token) {

	/** Leaves the secret out. */
	@Override
	public String toString() {
		return "TokenCheckRequest[token=***]";
	}

}
