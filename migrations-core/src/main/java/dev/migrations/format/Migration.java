package dev.migrations.format;

import dev.migrations.Direction;
import dev.migrations.MigrationFormat;

/**
 * One version: its files, parsed in both directions.
 *
 * @param version the version
 * @param format goose or golang-migrate
 * @param up what applying it runs
 * @param down what rolling it back runs
 * @param noTransaction whether the goose file carries {@code -- +goose NO TRANSACTION}
 * @param checksum the SHA-256 of the files' normalized content (see {@link Checksums})
 */
public record Migration(long version, MigrationFormat format, MigrationScript up, MigrationScript down,
		boolean noTransaction, String checksum) {

	/** The name shown for the migration: the goose file, or the golang-migrate up file (the down file if alone). */
	public String name() {
		return this.up.isPresent() ? this.up.name() : this.down.name();
	}

	/** The location shown for the migration, as {@link #name()}. */
	public String location() {
		return this.up.isPresent() ? this.up.location() : this.down.location();
	}

	/** The script for a direction. */
	public MigrationScript script(Direction direction) {
		return (direction == Direction.UP) ? this.up : this.down;
	}

}
