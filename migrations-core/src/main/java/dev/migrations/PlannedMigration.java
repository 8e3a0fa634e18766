package dev.migrations;

import java.util.List;

/**
 * One migration a command would run, with its statements as they would be sent, except
 * that values of placeholders and ENVSUB variables whose names look secret (password,
 * secret, token, key, credential) read {@code ***}: a dry run's output ends up in CI
 * logs.
 *
 * @param version the version
 * @param file the file name
 * @param direction up or down
 * @param transactional whether it would run in a transaction
 * @param statements the statements, after ENVSUB and placeholder substitution, secret
 * values masked
 */
public record PlannedMigration(long version, String file, Direction direction, boolean transactional,
		List<String> statements) {

	public PlannedMigration {
		statements = List.copyOf(statements);
	}

}
