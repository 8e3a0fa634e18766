package dev.migrations.sample.data;

import java.util.UUID;

/**
 * PostgreSQL's forms: the proxy's {@code TIMESTAMP} columns hold UTC without a zone (see
 * {@link UtcDateTimeValues}); token ids are {@code UUID}s.
 */
final class PostgresValues extends UtcDateTimeValues {

	@Override
	public Object tokenId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			// Not a UUID, so no token has it; a UUID no row has keeps the query's answer
			// (none) without an error.
			return new UUID(0, 0);
		}
	}

}
