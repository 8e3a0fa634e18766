package dev.migrations;

import java.util.Optional;

/**
 * The engine was configured with a missing, invalid or conflicting option. The message
 * says which option to change.
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

	/**
	 * The option at fault, as named in the builder ({@code dataSource}, {@code table},
	 * ...).
	 */
	public String option() {
		return this.option;
	}

	/**
	 * The option at fault in the catalogue, which also names its property and flag; empty
	 * for what is not an engine option (the name given to {@code create}).
	 */
	public Optional<MigratorOption> setting() {
		return MigratorOption.ofBuilderName(this.option);
	}

}
