package dev.migrations.testing;

/**
 * Enables MariaDB tests when the server answers; under {@code CI=true} a silent server is
 * a failure.
 */
public final class MariaDbAvailableCondition extends ServerAvailableCondition {

	public MariaDbAvailableCondition() {
		super("MariaDB", MariaDbTestDatabase.URL_VARIABLE, MariaDbTestDatabase::baseUrl);
	}

}
