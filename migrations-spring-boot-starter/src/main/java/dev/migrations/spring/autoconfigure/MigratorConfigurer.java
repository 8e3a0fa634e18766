package dev.migrations.spring.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import dev.migrations.Migrator;
import dev.migrations.Operation;
import dev.migrations.source.MigrationSource;

/**
 * Applies {@code migrations.*} to a {@link Migrator.Builder}, the same way for the
 * startup migrations and for the {@code migrate} command line run from the application.
 */
public final class MigratorConfigurer {

	private final MigrationsProperties properties;

	/**
	 * Creates the configurer.
	 * @param properties the properties
	 */
	public MigratorConfigurer(MigrationsProperties properties) {
		this.properties = properties;
	}

	/**
	 * Configures a builder from the properties.
	 * @param builder the builder
	 * @param dataSource the DataSource to migrate
	 * @param sources the resolved locations
	 * @return the builder
	 */
	public Migrator.Builder configure(Migrator.Builder builder, DataSource dataSource, List<MigrationSource> sources) {
		builder.dataSource(dataSource).sources(sources.toArray(MigrationSource[]::new));
		return configureOptions(builder);
	}

	/**
	 * Applies every property but the DataSource and the locations.
	 * @param builder the builder
	 * @return the builder
	 */
	public Migrator.Builder configureOptions(Migrator.Builder builder) {
		MigrationsProperties properties = this.properties;
		builder.format(properties.getFormat())
			.outOfOrder(properties.getOutOfOrder())
			.validation(properties.getValidateOnMigrate())
			.lockTimeout(properties.getLockTimeout())
			.tableLockTimeout(properties.getTableLockTimeout())
			.connectRetries(properties.getConnectRetries())
			.connectRetriesInterval(properties.getConnectRetriesInterval())
			.placeholders(properties.getPlaceholders());
		if (properties.getTable() != null) {
			builder.table(properties.getTable());
		}
		if (properties.getMetadataTable() != null) {
			builder.metadataTable(properties.getMetadataTable());
		}
		if (properties.isBaselineOnMigrate()) {
			builder.baselineOnMigrate(true);
		}
		if (properties.getBaselineVersion() != null) {
			builder.baselineVersion(properties.getBaselineVersion());
		}
		MigrationsProperties.Backup backup = properties.getSqlite().getBackup();
		if (backup.isEnabled()) {
			builder.backup(true).backupKeep(backup.getKeep());
			if (backup.getDirectory() != null) {
				builder.backupDirectory(backup.getDirectory());
			}
		}
		return builder;
	}

	/**
	 * The operation {@code migrations.target} names: {@code up} for {@code latest},
	 * {@code up-to V} for a version.
	 * @return the operation
	 * @throws InvalidConfigurationPropertyValueException for anything else
	 */
	public Operation target() {
		String target = this.properties.getTarget();
		if (target == null || target.isBlank() || target.strip().equalsIgnoreCase("latest")) {
			return Operation.up();
		}
		try {
			return Operation.upTo(Long.parseLong(target.strip()));
		}
		catch (NumberFormatException ex) {
			throw new InvalidConfigurationPropertyValueException("migrations.target", target,
					"The target is 'latest' or a version number.");
		}
	}

}
