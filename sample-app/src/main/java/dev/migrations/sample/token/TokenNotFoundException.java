package dev.migrations.sample.token;

import dev.migrations.sample.NotFoundException;

/** No token has the id a request named. */
public final class TokenNotFoundException extends NotFoundException {

	private static final long serialVersionUID = 1L;

	private final String tokenId;

	public TokenNotFoundException(String tokenId) {
		super("No token has the id " + tokenId + ".");
		this.tokenId = tokenId;
	}

	/** The id asked for. */
	public String tokenId() {
		return this.tokenId;
	}

}
