package dev.migrations;

import java.util.List;

/**
 * The set of migration files is unusable as a whole: a location that does not exist or
 * holds no migrations, duplicate versions, both formats mixed in one location, or a file
 * name that breaks its format's rules.
 */
public final class MigrationSourceException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String location;

	private final List<String> files;

	/**
	 * Creates a source error.
	 * @param location the location the problem was found in
	 * @param files the files involved, possibly empty
	 * @param message the full message
	 */
	public MigrationSourceException(String location, List<String> files, String message) {
		super(message);
		this.location = location;
		this.files = List.copyOf(files);
	}

	/** The location the problem was found in. */
	public String location() {
		return this.location;
	}

	/**
	 * The files involved (both files of a duplicate version, for example); empty when
	 * none applies.
	 */
	public List<String> files() {
		return this.files;
	}

}
