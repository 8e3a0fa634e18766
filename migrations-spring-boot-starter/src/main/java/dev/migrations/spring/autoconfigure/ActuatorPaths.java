package dev.migrations.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Which request paths are actuator endpoints, for the startup gate. With Spring Boot's
 * actuator, from its own mapping of the web endpoints and its health groups, so that
 * every base path (including {@code /}), every exposed endpoint and the health groups'
 * additional paths on the main server ({@code server:/livez}) are known; without it, from
 * {@code management.endpoints.web.base-path}. Read on the first request, once the
 * endpoints exist.
 */
abstract class ActuatorPaths implements Predicate<String> {

	private static final String PATH_MAPPED_ENDPOINTS = "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints";

	private static final String HEALTH_ENDPOINT_GROUPS = "org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups";

	private volatile List<String> paths;

	static ActuatorPaths of(ListableBeanFactory beanFactory, Environment environment) {
		return ClassUtils.isPresent(PATH_MAPPED_ENDPOINTS, ActuatorPaths.class.getClassLoader())
				? new MappedEndpointPaths(beanFactory, environment) : new BasePath(environment);
	}

	@Override
	public boolean test(String path) {
		List<String> known = this.paths;
		if (known == null) {
			known = List.copyOf(paths());
			this.paths = known;
		}
		for (String prefix : known) {
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return true;
			}
		}
		return false;
	}

	/** The endpoints' paths; a request to one of them or below it passes. */
	abstract List<String> paths();

	/**
	 * The configured base path, without a trailing slash; none when it is the root, which
	 * holds everything.
	 */
	static List<String> basePath(Environment environment) {
		String base = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base.isEmpty() ? List.of() : List.of(base.startsWith("/") ? base : "/" + base);
	}

	/** Without the actuator's endpoint mapping. */
	private static final class BasePath extends ActuatorPaths {

		private final Environment environment;

		BasePath(Environment environment) {
			this.environment = environment;
		}

		@Override
		List<String> paths() {
			return basePath(this.environment);
		}

	}

	/**
	 * From the actuator's own mapping of the web endpoints; loaded only when the actuator
	 * is there.
	 */
	private static final class MappedEndpointPaths extends ActuatorPaths {

		private final ListableBeanFactory beanFactory;

		private final Environment environment;

		MappedEndpointPaths(ListableBeanFactory beanFactory, Environment environment) {
			this.beanFactory = beanFactory;
			this.environment = environment;
		}

		@Override
		List<String> paths() {
			PathMappedEndpoints endpoints = this.beanFactory.getBeanProvider(PathMappedEndpoints.class)
				.getIfAvailable();
			if (endpoints == null) {
				return basePath(this.environment);
			}
			List<String> paths = new ArrayList<>(endpoints.getAllPaths());
			endpoints.forEach((endpoint) -> paths.addAll(endpoint.getAdditionalPaths(WebServerNamespace.SERVER)));
			if (ClassUtils.isPresent(HEALTH_ENDPOINT_GROUPS, ActuatorPaths.class.getClassLoader())) {
				paths.addAll(HealthGroupPaths.onMainServer(this.beanFactory));
			}
			paths.replaceAll((path) -> {
				String absolute = path.startsWith("/") ? path : "/" + path;
				return absolute.endsWith("/") ? absolute.substring(0, absolute.length() - 1) : absolute;
			});
			paths.removeIf(String::isEmpty);
			return paths;
		}

	}

	/**
	 * The health groups' additional paths on the main server; loaded only when the health
	 * module is there.
	 */
	private static final class HealthGroupPaths {

		static List<String> onMainServer(ListableBeanFactory beanFactory) {
			HealthEndpointGroups groups = beanFactory.getBeanProvider(HealthEndpointGroups.class).getIfAvailable();
			if (groups == null) {
				return List.of();
			}
			return groups.getAllWithAdditionalPath(WebServerNamespace.SERVER)
				.stream()
				.map((group) -> group.getAdditionalPath().getValue())
				.toList();
		}

	}

}
