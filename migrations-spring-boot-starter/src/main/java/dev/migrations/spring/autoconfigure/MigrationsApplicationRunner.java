package dev.migrations.spring.autoconfigure;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

import dev.migrations.spring.autoconfigure.MigrationsProperties.RunAs;

/**
 * Runs the startup migrations as the first {@link ApplicationRunner}: after the context
 * has started (so liveness passes) and before the application is marked ready (so
 * readiness holds traffic back until they finish). With {@code run-as=auto} they may have
 * run already, while the context started; then it finds them done.
 */
public final class MigrationsApplicationRunner implements ApplicationRunner, Ordered {

	private final MigrationsStartup startup;

	private final RunAs runAs;

	private final EarlyDatabaseUse earlyUse;

	MigrationsApplicationRunner(MigrationsStartup startup, RunAs runAs, EarlyDatabaseUse earlyUse) {
		this.startup = startup;
		this.runAs = runAs;
		this.earlyUse = earlyUse;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.earlyUse != null) {
			this.earlyUse.disarm();
		}
		this.startup.run((this.runAs == RunAs.AUTO)
				? "as the first application runner (migrations.run-as=auto): nothing needed the schema while the context"
						+ " started"
				: "as the first application runner (migrations.run-as=application-runner)");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
