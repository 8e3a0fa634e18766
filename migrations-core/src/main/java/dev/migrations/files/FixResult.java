package dev.migrations.files;

import java.util.List;

import dev.migrations.MigrationFormat;

/**
 * What {@link MigrationFiles#fix} renamed.
 *
 * @param format the format of the directory's files, never {@link MigrationFormat#AUTO}
 * @param renames the renamed files, in the order of their new versions (a golang-migrate
 * up file before its down file); empty when no file had a timestamp version
 */
public record FixResult(MigrationFormat format, List<RenamedFile> renames) {

	public FixResult {
		renames = List.copyOf(renames);
	}

	/** Whether nothing needed renaming. */
	public boolean isEmpty() {
		return this.renames.isEmpty();
	}

}
