package dev.migrations.spring.autoconfigure;

import dev.migrations.Migrator;

/**
 * Customizes the {@link Migrator.Builder} the auto-configuration uses, after the
 * {@code migrations.*} properties are applied, for anything they do not cover.
 * Customizers are applied in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface MigratorBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(Migrator.Builder builder);

}
