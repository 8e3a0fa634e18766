package dev.migrations;

/**
 * The engine was configured with a missing, invalid or conflicting option. The message says which option to
 * change.
 */
public final class MigrationConfigurationException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String option;

	/**
	 * Creates a configuration error.
	 * @param option the option at fault, as named in the builder
	 * @param message the full message
	 */
	public MigrationConfigurationException(String option, String message) {
		super(message);
		this.option = option;
	}

	/** The option at fault, as named in the builder ({@code dataSource}, {@code table}, ...). */
	public String option() {
		return this.option;
	}

}
