package dev.migrations.spring.autoconfigure;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

import dev.migrations.JavaMigration;
import dev.migrations.MigrationListener;
import dev.migrations.Migrator;
import dev.migrations.spring.web.MigrationsStartupFilter;

/**
 * Auto-configuration of the migrations that run at startup: a {@link Migrator} for the
 * application's DataSource (or the one {@code migrations.url} names), configured under
 * {@code migrations.*}, unless the application defines its own; every Migrator bean runs
 * at startup, while the context starts or as the first application runner, as
 * {@code migrations.run-as} decides.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@Conditional(MigrationsAutoConfiguration.MigrationsDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(MigrationsRuntimeHints.class)
public final class MigrationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsProgress migrationsProgress() {
		return new MigrationsProgress();
	}

	// Ordered so that the Migrator bean is defined before the startup's condition below
	// looks for it.
	@Configuration(proxyBeanMethods = false)
	@Order(1)
	static class MigratorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		Migrator migrator(MigrationsProperties properties, ObjectProvider<DataSource> dataSource,
				@MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource, ResourceLoader resourceLoader,
				ObjectProvider<MigratorBuilderCustomizer> customizers, ObjectProvider<MigrationListener> listeners,
				ObjectProvider<JavaMigration> javaMigrations) {
			DataSource application = dataSource.getIfUnique();
			DataSource migrationDataSource = migrationDataSource(properties, migrationsDataSource.getIfAvailable(),
					(application != null) ? EarlyDatabaseUse.unwrap(application) : null);
			MigrationLocations locations = new MigrationLocations(
					ResourcePatternUtils.getResourcePatternResolver(resourceLoader));
			Migrator.Builder builder = new MigratorConfigurer(properties).configure(Migrator.builder(),
					migrationDataSource, locations.resolve(properties.getLocations(), migrationDataSource));
			builder.classLoader(resourceLoader.getClassLoader());
			listeners.orderedStream().forEach(builder::listener);
			javaMigrations.orderedStream().forEach(builder::javaMigrations);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

		private static DataSource migrationDataSource(MigrationsProperties properties, DataSource qualified,
				DataSource application) {
			if (qualified != null) {
				return EarlyDatabaseUse.unwrap(qualified);
			}
			if (StringUtils.hasText(properties.getUrl())) {
				return DataSourceBuilder.create()
					.type(SimpleDriverDataSource.class)
					.url(properties.getUrl())
					.username(properties.getUser())
					.password(properties.getPassword())
					.build();
			}
			if (StringUtils.hasText(properties.getUser()) && application != null) {
				return DataSourceBuilder.derivedFrom(application)
					.type(SimpleDriverDataSource.class)
					.username(properties.getUser())
					.password(properties.getPassword())
					.build();
			}
			if (application == null) {
				throw new IllegalStateException("No single DataSource to migrate: mark one with @MigrationsDataSource,"
						+ " or set migrations.url");
			}
			return application;
		}

	}

	/**
	 * Startup runs every Migrator bean, in bean order: the auto-configured one, or the
	 * application's own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(Migrator.class)
	@Order(2)
	static class StartupConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrationsStartup migrationsStartup(ListableBeanFactory beanFactory, ObjectProvider<Migrator> migrators,
				MigrationsProperties properties, ApplicationEventPublisher events, MigrationsProgress progress) {
			return new MigrationsStartup(inBeanOrder(beanFactory, migrators), properties.getOnStartup(),
					new MigratorConfigurer(properties).target(),
					new MigrationsStartup.Repairs(properties.isRepairOnMigrate(), properties.getForceVersion()), events,
					progress);
		}

		/**
		 * The Migrator beans by name, in the order {@code @Order} and {@code Ordered}
		 * give them.
		 */
		private static Map<String, Migrator> inBeanOrder(ListableBeanFactory beanFactory,
				ObjectProvider<Migrator> migrators) {
			Map<Migrator, String> names = new IdentityHashMap<>();
			beanFactory.getBeansOfType(Migrator.class).forEach((name, migrator) -> names.put(migrator, name));
			Map<String, Migrator> ordered = new LinkedHashMap<>();
			migrators.orderedStream().forEach((migrator) -> ordered.put(names.get(migrator), migrator));
			return ordered;
		}

		@Bean
		static EarlyDatabaseUse migrationsEarlyDatabaseUse(ConfigurableListableBeanFactory beanFactory,
				Environment environment) {
			return new EarlyDatabaseUse(beanFactory, RunAsCondition.runAs(environment));
		}

		@Configuration(proxyBeanMethods = false)
		@Conditional(RunAsCondition.ApplicationRunner.class)
		static class ApplicationRunnerConfiguration {

			@Bean
			@ConditionalOnMissingBean
			MigrationsApplicationRunner migrationsApplicationRunner(MigrationsStartup startup, Environment environment,
					ObjectProvider<EarlyDatabaseUse> earlyUse) {
				return new MigrationsApplicationRunner(startup, RunAsCondition.runAs(environment),
						earlyUse.getIfAvailable());
			}

			@Configuration(proxyBeanMethods = false)
			@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
			@ConditionalOnClass(name = "jakarta.servlet.Filter")
			@ConditionalOnBooleanProperty(name = "migrations.web.unavailable-while-migrating", matchIfMissing = true)
			static class StartupFilterConfiguration {

				@Bean
				@ConditionalOnMissingBean(name = "migrationsStartupFilter")
				FilterRegistrationBean<MigrationsStartupFilter> migrationsStartupFilter(MigrationsProgress progress,
						MigrationsProperties properties, Environment environment, ListableBeanFactory beanFactory) {
					FilterRegistrationBean<MigrationsStartupFilter> registration = new FilterRegistrationBean<>(
							new MigrationsStartupFilter(progress, ActuatorPaths.of(beanFactory, environment),
									properties.getWeb().getRetryAfter()));
					registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
					registration.setName("migrationsStartupFilter");
					return registration;
				}

			}

		}

		@Configuration(proxyBeanMethods = false)
		@Conditional(RunAsCondition.Initializer.class)
		static class InitializerConfiguration {

			@Bean
			@ConditionalOnMissingBean
			MigrationsInitializer migrationsInitializer(MigrationsStartup startup, Environment environment,
					ListableBeanFactory beanFactory) {
				return new MigrationsInitializer(startup, RunAsCondition.runAs(environment), beanFactory);
			}

		}

	}

	/** A DataSource to migrate: a bean, or {@code migrations.url}. */
	static final class MigrationsDataSourceCondition extends AnyNestedCondition {

		MigrationsDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnProperty(name = "migrations.url")
		private static final class MigrationsUrlCondition {

		}

	}

}
