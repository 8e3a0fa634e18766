package dev.migrations.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.util.ClassUtils;

import dev.migrations.spring.autoconfigure.MigrationsProperties.RunAs;

/**
 * Runs the startup migrations while the context starts. Registered as a database
 * initializer, so every bean that depends on database initialization
 * ({@code JdbcTemplate}, {@code JdbcClient}, JPA, beans marked
 * {@code @DependsOnDatabaseInitialization}) is created after it.
 * <p>
 * With {@code run-as=auto} it runs them only when the application has beans known to need
 * the schema while the context starts: a JPA {@code EntityManagerFactory}, or beans
 * marked {@code @DependsOnDatabaseInitialization}. Otherwise it leaves them to the
 * application runner, or to the first connection a bean asks for while the context starts
 * ({@link EarlyDatabaseUse}).
 */
public final class MigrationsInitializer implements InitializingBean {

	private static final String[] ENTITY_MANAGER_FACTORY_TYPES = { "jakarta.persistence.EntityManagerFactory",
			"org.springframework.orm.jpa.AbstractEntityManagerFactoryBean" };

	private final MigrationsStartup startup;

	private final RunAs runAs;

	private final ListableBeanFactory beanFactory;

	/**
	 * Creates the initializer.
	 * @param startup what to run
	 * @param runAs {@code initializer}, or {@code auto} to decide from the beans
	 * @param beanFactory where to look for beans that need the schema while the context
	 * starts
	 */
	public MigrationsInitializer(MigrationsStartup startup, RunAs runAs, ListableBeanFactory beanFactory) {
		this.startup = startup;
		this.runAs = runAs;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.runAs == RunAs.INITIALIZER) {
			this.startup.run("while the context starts (migrations.run-as=initializer)");
			return;
		}
		String needs = schemaNeededBy();
		if (needs != null) {
			this.startup
				.run("while the context starts (migrations.run-as=auto): " + needs + " while the context starts");
		}
	}

	/**
	 * Which beans need the schema while the context starts, in words, or {@code null}.
	 */
	private String schemaNeededBy() {
		List<String> factories = new ArrayList<>();
		ClassLoader classLoader = getClass().getClassLoader();
		for (String type : ENTITY_MANAGER_FACTORY_TYPES) {
			if (ClassUtils.isPresent(type, classLoader)) {
				for (String name : this.beanFactory.getBeanNamesForType(ClassUtils.resolveClassName(type, classLoader),
						true, false)) {
					String bean = name.startsWith("&") ? name.substring(1) : name;
					if (!factories.contains(bean)) {
						factories.add(bean);
					}
				}
			}
		}
		if (!factories.isEmpty()) {
			return "the JPA EntityManagerFactory " + quoted(factories) + " needs the schema";
		}
		List<String> marked = new ArrayList<>();
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			if (this.beanFactory.findAnnotationOnBean(name, DependsOnDatabaseInitialization.class, false) != null) {
				marked.add(name);
			}
		}
		return marked.isEmpty() ? null
				: "@DependsOnDatabaseInitialization " + ((marked.size() == 1) ? "bean " : "beans ") + quoted(marked)
						+ ((marked.size() == 1) ? " needs" : " need") + " the schema";
	}

	private static String quoted(List<String> names) {
		return "'" + String.join("', '", names) + "'";
	}

}
