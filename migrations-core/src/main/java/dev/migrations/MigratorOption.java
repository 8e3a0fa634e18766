package dev.migrations;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of the engine's options: for each, its name in {@link Migrator.Builder},
 * the Spring Boot property that sets it and the flag of the {@code migrate} command line,
 * where there is one. The starter and the command line map from here, and
 * {@link MigrationConfigurationException#setting()} names the entry at fault.
 */
public enum MigratorOption {

	/**
	 * The database: {@code spring.datasource.*} or {@code migrations.url} in an
	 * application.
	 */
	DATA_SOURCE("dataSource", "migrations.url", "--db"),

	/** Where the migrations are. */
	LOCATIONS("locations", "migrations.locations", "--dir"),

	/** Named migration resources instead of locations: Java only. */
	SOURCES("sources", null, null),

	/** goose, golang-migrate, or detected from the names. */
	FORMAT("format", "migrations.format", "--format"),

	/** The version table. */
	TABLE("table", "migrations.table", "--table"),

	/** The engine's metadata table beside it. */
	METADATA_TABLE("metadataTable", "migrations.metadata-table", "--meta-table"),

	/** How long to wait for another runner's migration lock. */
	LOCK_TIMEOUT("lockTimeout", "migrations.lock-timeout", "--lock-timeout"),

	/** How long a migration's statement waits for another session's table lock. */
	TABLE_LOCK_TIMEOUT("tableLockTimeout", "migrations.table-lock-timeout", "--table-lock-timeout"),

	/** How often to connect again while the database cannot be reached. */
	CONNECT_RETRIES("connectRetries", "migrations.connect-retries", "--connect-retries"),

	/** The longest wait between two connection attempts. */
	CONNECT_RETRIES_INTERVAL("connectRetriesInterval", "migrations.connect-retries-interval",
			"--connect-retries-interval"),

	/** What {@code up} does with pending versions below the current one. */
	OUT_OF_ORDER("outOfOrder", "migrations.out-of-order", "--out-of-order"),

	/** What {@code up} does with changed or missing applied files. */
	VALIDATION("validation", "migrations.validate-on-migrate", "--validation"),

	/**
	 * Whether the first {@code up} on a database made without migrations baselines it.
	 */
	BASELINE_ON_MIGRATE("baselineOnMigrate", "migrations.baseline-on-migrate", "--baseline-on-migrate"),

	/** The version such a baseline marks applied. */
	BASELINE_VERSION("baselineVersion", "migrations.baseline-version", "--baseline-version"),

	/** Values of {@code ${name}} placeholders. */
	PLACEHOLDERS("placeholders", "migrations.placeholders", "--placeholder"),

	/** Whether a SQLite database is backed up before migrating. */
	BACKUP("backup", "migrations.sqlite.backup.enabled", "--backup"),

	/** Where the backups go. */
	BACKUP_DIRECTORY("backupDirectory", "migrations.sqlite.backup.directory", "--backup-dir"),

	/** How many backups are kept. */
	BACKUP_KEEP("backupKeep", "migrations.sqlite.backup.keep", "--backup-keep"),

	/**
	 * The variables goose's {@code ENVSUB ON} expands: the process environment in an
	 * application and on the command line.
	 */
	ENVIRONMENT("environment", null, null),

	/** Migrations written in Java: {@code JavaMigration} beans in an application. */
	JAVA_MIGRATIONS("javaMigrations", null, null),

	/** Hears about progress: the starter's events and metrics in an application. */
	LISTENER("listener", null, null),

	/** Where {@code classpath:} locations are read from. */
	CLASS_LOADER("classLoader", null, null);

	private final String builderName;

	private final String property;

	private final String flag;

	MigratorOption(String builderName, String property, String flag) {
		this.builderName = builderName;
		this.property = property;
		this.flag = flag;
	}

	/** The option's method on {@link Migrator.Builder}. */
	public String builderName() {
		return this.builderName;
	}

	/** The Spring Boot property that sets it, if one does. */
	public Optional<String> property() {
		return Optional.ofNullable(this.property);
	}

	/** The flag of the {@code migrate} command line that sets it, if one does. */
	public Optional<String> flag() {
		return Optional.ofNullable(this.flag);
	}

	/**
	 * The entry of a builder option.
	 * @param builderName the option's method on the builder
	 * @return the entry, if the catalogue has one
	 */
	public static Optional<MigratorOption> ofBuilderName(String builderName) {
		return Arrays.stream(values()).filter((option) -> option.builderName.equals(builderName)).findFirst();
	}

}
