package dev.migrations.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.migrations.spring.autoconfigure.MigrationsProperties.RunAs;

/**
 * Matches {@code migrations.run-as} when it may need one way of running: {@code auto}
 * needs both the runner and the initializer, the explicit values only their own. Read
 * with relaxed binding so that {@code application-runner}, {@code APPLICATION_RUNNER} and
 * the rest all work.
 */
abstract class RunAsCondition extends SpringBootCondition {

	private final RunAs explicit;

	/** Matches {@code auto} and one explicit value. */
	RunAsCondition(RunAs explicit) {
		this.explicit = explicit;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		RunAs runAs = runAs(context.getEnvironment());
		return (runAs == this.explicit || runAs == RunAs.AUTO) ? ConditionOutcome.match("migrations.run-as is " + runAs)
				: ConditionOutcome.noMatch("migrations.run-as is " + runAs);
	}

	/** The configured {@code migrations.run-as}, {@code auto} when unset. */
	static RunAs runAs(Environment environment) {
		return Binder.get(environment).bind("migrations.run-as", RunAs.class).orElse(RunAs.AUTO);
	}

	/** {@code migrations.run-as=application-runner} or {@code auto}, the default. */
	static final class ApplicationRunner extends RunAsCondition {

		ApplicationRunner() {
			super(RunAs.APPLICATION_RUNNER);
		}

	}

	/** {@code migrations.run-as=initializer} or {@code auto}, the default. */
	static final class Initializer extends RunAsCondition {

		Initializer() {
			super(RunAs.INITIALIZER);
		}

	}

}
