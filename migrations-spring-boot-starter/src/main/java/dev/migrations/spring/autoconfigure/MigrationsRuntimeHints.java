package dev.migrations.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * What a native image needs to keep for the migrations: the files of the default location
 * and the engine's own properties ({@link RuntimeHintsRegistrar}), and the files of the
 * classpath locations {@code migrations.locations} names at build time
 * ({@link BeanFactoryInitializationAotProcessor}), {@code {vendor}} standing for every
 * vendor.
 */
final class MigrationsRuntimeHints implements RuntimeHintsRegistrar, BeanFactoryInitializationAotProcessor {

	private static final String CLASSPATH = "classpath:";

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.resources().registerPattern("db/migrations/**").registerPattern("dev/migrations/engine.properties");
	}

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBean("environment")) {
			return null;
		}
		List<String> patterns = patterns(beanFactory.getBean("environment", Environment.class));
		return patterns.isEmpty() ? null : (context, code) -> patterns
			.forEach((pattern) -> context.getRuntimeHints().resources().registerPattern(pattern));
	}

	/** The resource patterns of the configured classpath locations. */
	static List<String> patterns(Environment environment) {
		List<String> locations = Binder.get(environment)
			.bind("migrations.locations", Bindable.listOf(String.class))
			.orElse(List.of());
		List<String> patterns = new ArrayList<>();
		for (String location : locations) {
			String trimmed = location.strip();
			if (trimmed.startsWith(CLASSPATH)) {
				String path = trimmed.substring(CLASSPATH.length()).replace("{vendor}", "*");
				while (path.startsWith("/")) {
					path = path.substring(1);
				}
				while (path.endsWith("/")) {
					path = path.substring(0, path.length() - 1);
				}
				patterns.add(path + "/*");
			}
		}
		return patterns;
	}

}
