package dev.migrations;

/**
 * What {@code up} does when validation finds a changed, missing or out-of-order
 * migration.
 */
public enum ValidationMode {

	/** Refuse to run, listing what was found. The default. */
	FAIL,

	/** Log what was found as warnings and run. */
	WARN,

	/** Do not validate. */
	OFF

}
