package dev.migrations;

/** The file format of a migrations location. */
public enum MigrationFormat {

	/**
	 * Decide per location from the file names: golang-migrate when they end in
	 * {@code .up.sql}/{@code .down.sql}.
	 */
	AUTO,

	/**
	 * goose: {@code 00001_name.sql} with {@code -- +goose Up} and {@code -- +goose Down}
	 * sections.
	 */
	GOOSE,

	/** golang-migrate: {@code 000001_name.up.sql} and {@code 000001_name.down.sql}. */
	GOLANG_MIGRATE;

	/**
	 * The name used on the command line and in properties: {@code auto}, {@code goose},
	 * {@code golang-migrate}.
	 */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/**
	 * Reads a format from its label, ignoring case and accepting {@code _} for {@code -}.
	 * @param label the label
	 * @return the format
	 * @throws IllegalArgumentException for an unknown label
	 */
	public static MigrationFormat fromLabel(String label) {
		for (MigrationFormat format : values()) {
			if (format.label().equalsIgnoreCase(label.strip().replace('_', '-'))) {
				return format;
			}
		}
		throw new IllegalArgumentException(
				"Unknown migration format '" + label + "'; use auto, goose or golang-migrate");
	}

}
