package dev.migrations.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.migrations.spring.autoconfigure.MigrationsProperties.RunAs;

/**
 * Matches one value of {@code migrations.run-as}, read with relaxed binding so that {@code application-runner},
 * {@code APPLICATION_RUNNER} and the rest all work.
 */
abstract class RunAsCondition extends SpringBootCondition {

	private final RunAs expected;

	RunAsCondition(RunAs expected) {
		this.expected = expected;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		RunAs runAs = Binder.get(context.getEnvironment())
			.bind("migrations.run-as", RunAs.class)
			.orElse(RunAs.APPLICATION_RUNNER);
		return (runAs == this.expected) ? ConditionOutcome.match("migrations.run-as is " + runAs)
				: ConditionOutcome.noMatch("migrations.run-as is " + runAs);
	}

	/** {@code migrations.run-as=application-runner}, the default. */
	static final class ApplicationRunner extends RunAsCondition {

		ApplicationRunner() {
			super(RunAs.APPLICATION_RUNNER);
		}

	}

	/** {@code migrations.run-as=initializer}. */
	static final class Initializer extends RunAsCondition {

		Initializer() {
			super(RunAs.INITIALIZER);
		}

	}

}
