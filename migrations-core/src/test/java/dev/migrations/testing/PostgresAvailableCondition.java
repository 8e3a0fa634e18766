package dev.migrations.testing;

/**
 * Enables PostgreSQL tests when the server answers; under {@code CI=true} a silent server
 * is a failure.
 */
public final class PostgresAvailableCondition extends ServerAvailableCondition {

	public PostgresAvailableCondition() {
		super("PostgreSQL", PostgresTestDatabase.URL_VARIABLE, PostgresTestDatabase::baseUrl);
	}

}
