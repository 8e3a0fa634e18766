package dev.migrations;

import java.util.List;

/**
 * Pending migrations have versions lower than the highest applied one, and the
 * out-of-order policy is {@link OutOfOrderPolicy#FAIL}. Nothing was changed.
 */
public final class OutOfOrderException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final List<Long> versions;

	private final long currentVersion;

	/**
	 * Creates the exception.
	 * @param versions the pending versions below the current one
	 * @param currentVersion the highest applied version
	 */
	public OutOfOrderException(List<Long> versions, long currentVersion) {
		super("Found " + versions.size() + " pending migration" + ((versions.size() == 1) ? "" : "s")
				+ " older than the current version " + currentVersion + ": " + versions
				+ ". Apply them in version order with outOfOrder=apply (goose's allow-missing), skip them with"
				+ " outOfOrder=ignore, or renumber them above " + currentVersion + ".");
		this.versions = List.copyOf(versions);
		this.currentVersion = currentVersion;
	}

	/** The pending versions lower than the current version. */
	public List<Long> versions() {
		return this.versions;
	}

	/** The highest applied version. */
	public long currentVersion() {
		return this.currentVersion;
	}

}
