package dev.migrations.spring.autoconfigure;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Runs the startup migrations as the first {@link ApplicationRunner}: after the context has started (so liveness
 * passes) and before the application is marked ready (so readiness holds traffic back until they finish).
 */
public final class MigrationsApplicationRunner implements ApplicationRunner, Ordered {

	private final MigrationsStartup startup;

	/**
	 * Creates the runner.
	 * @param startup what to run
	 */
	public MigrationsApplicationRunner(MigrationsStartup startup) {
		this.startup = startup;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.startup.run();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
