package dev.migrations.sample.token;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * New token secrets: 32 random bytes, URL-safe Base64 without padding (43 characters).
 */
@Component
public class TokenSecrets {

	private static final int BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	public String next() {
		byte[] bytes = new byte[BYTES];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
