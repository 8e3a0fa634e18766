package dev.migrations;

/**
 * What {@code up} does with pending migrations whose versions are lower than the highest
 * applied one.
 */
public enum OutOfOrderPolicy {

	/** Refuse to run, listing the versions. The default, as in goose. */
	FAIL,

	/**
	 * Apply them, in version order, before the newer ones (goose's
	 * {@code --allow-missing}).
	 */
	APPLY,

	/** Leave them pending and apply only versions above the current one. */
	IGNORE

}
