package dev.migrations.files;

import java.nio.file.Path;
import java.util.List;

import dev.migrations.MigrationFormat;

/**
 * The migration {@link MigrationFiles#create} wrote.
 *
 * @param version the new version
 * @param format the format it was written in, never {@link MigrationFormat#AUTO}
 * @param files the files written: the goose file, or the golang-migrate up file and then
 * the down file
 */
public record CreatedMigration(long version, MigrationFormat format, List<Path> files) {

	public CreatedMigration {
		files = List.copyOf(files);
	}

}
