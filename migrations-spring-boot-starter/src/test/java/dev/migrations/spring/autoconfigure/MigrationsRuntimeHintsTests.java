package dev.migrations.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.javapoet.ClassName;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The hints that keep the migration files in a native image. */
class MigrationsRuntimeHintsTests {

	@Test
	void theDefaultLocationAndTheEnginesPropertiesAreKept() {
		RuntimeHints hints = new RuntimeHints();
		new MigrationsRuntimeHints().registerHints(hints, getClass().getClassLoader());

		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/00001_users.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/postgresql/00001_users.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/migrations/engine.properties")).accepts(hints);
	}

	@Test
	void theClasspathLocationsConfiguredAtBuildTimeAreKeptForEveryVendor() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("environment", new MockEnvironment().withProperty("migrations.locations",
				"classpath:app-migrations/{vendor}, filesystem:/srv/migrations, classpath:/extra/"));
		BeanFactoryInitializationAotContribution contribution = new MigrationsRuntimeHints()
			.processAheadOfTime(beanFactory);
		DefaultGenerationContext context = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "App")), new InMemoryGeneratedFiles());
		contribution.applyTo(context, null);
		RuntimeHints hints = context.getRuntimeHints();

		assertThat(RuntimeHintsPredicates.resource().forResource("app-migrations/sqlite/00001_todos.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("extra/00002_more.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("srv/migrations/00001_x.sql")).rejects(hints);
	}

	@Test
	void theProcessorIsRegisteredForAheadOfTimeProcessing() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(BeanFactoryInitializationAotProcessor.class))
			.hasAtLeastOneElementOfType(MigrationsRuntimeHints.class);
	}

}
