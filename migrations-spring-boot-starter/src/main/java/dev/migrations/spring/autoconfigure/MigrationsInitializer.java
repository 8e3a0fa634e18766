package dev.migrations.spring.autoconfigure;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the startup migrations while the context starts. Registered as a database initializer, so every bean that
 * depends on database initialization ({@code JdbcTemplate}, {@code JdbcClient}, JPA, beans marked
 * {@code @DependsOnDatabaseInitialization}) is created after it.
 */
public final class MigrationsInitializer implements InitializingBean {

	private final MigrationsStartup startup;

	/**
	 * Creates the initializer.
	 * @param startup what to run
	 */
	public MigrationsInitializer(MigrationsStartup startup) {
		this.startup = startup;
	}

	@Override
	public void afterPropertiesSet() {
		this.startup.run();
	}

}
