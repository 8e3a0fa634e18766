package dev.migrations.spring.actuate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.migrations.Migrator;
import dev.migrations.spring.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.spring.autoconfigure.MigrationsProgress;
import dev.migrations.spring.autoconfigure.MigrationsStartup;

/**
 * Auto-configuration of the {@code migrations} health contributor: one
 * {@link MigrationsHealthIndicator} for a single {@link Migrator}, or a composite keyed
 * by bean name when there are several.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Migrator.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<MigrationsHealthIndicator, Migrator> {

	MigrationsHealthContributorAutoConfiguration(ObjectProvider<MigrationsStartup> startup,
			ObjectProvider<MigrationsProgress> progress) {
		super((migrator) -> new MigrationsHealthIndicator(migrator, startup.getIfAvailable(),
				progress.getIfAvailable()));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	HealthContributor migrationsHealthIndicator(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, Migrator.class);
	}

}
