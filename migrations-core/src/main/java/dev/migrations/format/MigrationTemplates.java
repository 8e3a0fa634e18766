package dev.migrations.format;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrations.MigrationFormat;

/**
 * The starting content of a new migration. The goose file holds one placeholder statement
 * per direction, each in a {@code StatementBegin}/{@code StatementEnd} block so that
 * replacing it with a function body needs no further annotation; the golang-migrate files
 * hold only a comment, so running them unchanged does nothing.
 */
final class MigrationTemplates {

	private static final String GOOSE = """
			-- +goose Up
			-- +goose StatementBegin
			SELECT 'up: put the statements that make this change here';
			-- +goose StatementEnd

			-- +goose Down
			-- +goose StatementBegin
			SELECT 'down: put the statements that take this change back here';
			-- +goose StatementEnd
			""";

	private static final String GOLANG_MIGRATE_UP = """
			-- Statements that make this change, run in order when migrating up.
			""";

	private static final String GOLANG_MIGRATE_DOWN = """
			-- Statements that take back what the up file did, run when migrating down.
			""";

	private MigrationTemplates() {
	}

	/**
	 * The files of a new migration.
	 * @param stem the file name without its extension: the padded version, {@code _} and
	 * the description
	 * @param format goose or golang-migrate
	 * @return each file's name and content, the golang-migrate up file first
	 */
	static Map<String, String> files(String stem, MigrationFormat format) {
		Map<String, String> files = new LinkedHashMap<>();
		if (format == MigrationFormat.GOLANG_MIGRATE) {
			files.put(stem + ".up.sql", GOLANG_MIGRATE_UP);
			files.put(stem + ".down.sql", GOLANG_MIGRATE_DOWN);
		}
		else {
			files.put(stem + ".sql", GOOSE);
		}
		return files;
	}

}
