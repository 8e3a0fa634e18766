package dev.migrations.spring.autoconfigure;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.NameMatchMethodPointcut;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.core.NativeDetector;
import org.springframework.core.Ordered;

import dev.migrations.spring.autoconfigure.MigrationsProperties.RunAs;

/**
 * Watches the application's DataSource beans for the first use of the database on the
 * thread that starts the context, before the startup migrations ran: a
 * {@code @PostConstruct}, a {@code SmartInitializingSingleton} or a library querying the
 * database while the context starts. A use is anything done with a connection beyond
 * reading its metadata: a statement, or a transaction begun. Reading the metadata alone
 * (which database it is, as Spring Data JDBC and many applications do at startup) needs
 * no schema and does not count. With {@code run-as} {@code auto} or {@code initializer}
 * the migrations run at that moment, before the statement. With
 * {@code application-runner}, which the user chose, they do not: the first connection
 * handed out while migrations are pending is kept for the failure analysis (a metadata
 * read is how Hibernate validates a schema), and the first statement is logged as a
 * warning.
 * <p>
 * Other threads are never held up or made to migrate: a health check on the web server,
 * which starts before the runners, reads the database as it is. Once the migrations ran,
 * or the application runners start, connections are handed out as the DataSource makes
 * them. Not in a native image, where the proxies would need build-time hints.
 */
final class EarlyDatabaseUse implements SmartInstantiationAwareBeanPostProcessor, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(EarlyDatabaseUse.class);

	/** What may be done with a connection without using the schema. */
	private static final Set<String> METADATA_METHODS = Set.of("getMetaData", "isValid", "isClosed", "close", "unwrap",
			"isWrapperFor", "getAutoCommit", "getCatalog", "getSchema", "getClientInfo", "getTransactionIsolation",
			"getWarnings", "clearWarnings", "isReadOnly", "getHoldability", "getNetworkTimeout", "getTypeMap",
			"toString", "hashCode");

	/**
	 * What was seen, per bean factory, for the failure analysis after the context failed
	 * and its beans are gone.
	 */
	private static final Map<BeanFactory, Observation> observations = Collections.synchronizedMap(new WeakHashMap<>());

	private final ConfigurableListableBeanFactory beanFactory;

	private final RunAs runAs;

	private final Thread owner = Thread.currentThread();

	/**
	 * Beans whose creation started on the owner thread, innermost last. Some never finish
	 * (a factory bean only asked for its type), so the bean asking is the last one still
	 * in creation.
	 */
	private final Deque<String> creating = new ArrayDeque<>();

	private volatile boolean armed = true;

	// Touched only on the owner thread.
	private boolean busy;

	private Observation observation;

	EarlyDatabaseUse(ConfigurableListableBeanFactory beanFactory, RunAs runAs) {
		this.beanFactory = beanFactory;
		this.runAs = runAs;
	}

	/**
	 * What was seen of a context's startup, if a bean used the database before the
	 * migrations ran while {@code application-runner} kept them waiting.
	 * @param beanFactory the context's bean factory
	 * @return what was seen
	 */
	static Optional<Observation> observed(BeanFactory beanFactory) {
		return Optional.ofNullable(observations.get(beanFactory));
	}

	/**
	 * The DataSource behind the watch, for the migrators: their own connections, status
	 * reads included, must not count as the application using the database.
	 * @param dataSource a DataSource bean
	 * @return what it wraps, or itself when it is not watched
	 */
	static DataSource unwrap(DataSource dataSource) {
		if (dataSource instanceof Advised advised
				&& Arrays.stream(advised.getAdvisors()).anyMatch((advisor) -> advisor.getAdvice() instanceof Watch)) {
			try {
				return (DataSource) advised.getTargetSource().getTarget();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot unwrap the DataSource", ex);
			}
		}
		return dataSource;
	}

	/** From now on nothing is watched: the application runners are starting. */
	void disarm() {
		this.armed = false;
	}

	@Override
	public int getOrder() {
		// Last, so that the proxy wraps whatever other post-processors made of the
		// DataSource.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) {
		if (this.armed && Thread.currentThread() == this.owner) {
			this.creating.addLast(beanName);
		}
		return null;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (Thread.currentThread() == this.owner) {
			this.creating.removeLastOccurrence(beanName);
		}
		if (this.armed && bean instanceof DataSource dataSource && !NativeDetector.inNativeImage()) {
			return watch(dataSource, beanName);
		}
		return bean;
	}

	private Object watch(DataSource dataSource, String beanName) {
		NameMatchMethodPointcut getConnection = new NameMatchMethodPointcut();
		getConnection.addMethodName("getConnection");
		ProxyFactory proxy = new ProxyFactory(dataSource);
		// A subclass proxy keeps the bean's type (HikariDataSource, say) for whoever
		// injects it by that type; a final
		// class, or a proxy already, gets an interface proxy.
		if (Modifier.isFinal(dataSource.getClass().getModifiers()) || AopUtils.isAopProxy(dataSource)) {
			proxy.setInterfaces(DataSource.class);
		}
		else {
			proxy.setProxyTargetClass(true);
		}
		proxy.addAdvisor(new DefaultPointcutAdvisor(getConnection, new Watch(this, beanName)));
		return proxy.getProxy(dataSource.getClass().getClassLoader());
	}

	/**
	 * Whether a connection handed out now is to be watched: on the owner thread, before
	 * the migrations ran.
	 */
	private boolean watching() {
		return this.armed && Thread.currentThread() == this.owner && !this.busy;
	}

	private Connection watch(Connection connection, String dataSource) {
		return (Connection) Proxy.newProxyInstance(EarlyDatabaseUse.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ConnectionWatch(this, connection, dataSource));
	}

	/**
	 * With {@code application-runner}, notes the first connection handed out while
	 * migrations are pending, for the failure analysis: even one only read for its
	 * metadata, which is how Hibernate validates a schema.
	 */
	private void handedOut(String dataSource) {
		if (this.runAs != RunAs.APPLICATION_RUNNER || this.observation != null) {
			return;
		}
		MigrationsStartup startup = startup();
		if (startup == null) {
			return;
		}
		List<Long> pending;
		this.busy = true;
		try {
			pending = startup.toApply();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the migration status while the context starts", ex);
			pending = List.of();
		}
		finally {
			this.busy = false;
		}
		if (pending.isEmpty()) {
			this.armed = false;
			return;
		}
		this.observation = new Observation(asking(), dataSource, pending);
		observations.put(this.beanFactory, this.observation);
	}

	/**
	 * The first use of a connection beyond its metadata: run the migrations now, or say
	 * that they have not run.
	 */
	private void beforeUse(String dataSource) {
		if (!watching()) {
			return;
		}
		if (this.runAs == RunAs.APPLICATION_RUNNER) {
			this.armed = false;
			logger.warn("{} used DataSource '{}' while the context starts, but migrations.run-as=application-runner"
					+ " applies the pending {} {} only after the context has started. If it needs their tables, set"
					+ " migrations.run-as=auto (the default) or initializer.", capitalized(asking()), dataSource,
					(this.observation.pending().size() == 1) ? "version" : "versions", this.observation.pending());
			return;
		}
		MigrationsStartup startup = startup();
		if (startup == null) {
			return;
		}
		this.armed = false;
		this.busy = true;
		try {
			startup.run("while the context starts (migrations.run-as=" + label(this.runAs) + "): " + asking()
					+ " used DataSource '" + dataSource + "' before they had run");
		}
		finally {
			this.busy = false;
		}
	}

	private String asking() {
		for (Iterator<String> names = this.creating.descendingIterator(); names.hasNext();) {
			String name = names.next();
			if (this.beanFactory.isCurrentlyInCreation(name)) {
				return "bean '" + name + "'";
			}
		}
		return "a bean";
	}

	private MigrationsStartup startup() {
		try {
			MigrationsStartup startup = this.beanFactory.getBeanProvider(MigrationsStartup.class).getIfAvailable();
			if (startup == null || startup.hasRun()) {
				this.armed = false;
				return null;
			}
			return startup;
		}
		catch (BeansException ex) {
			// The database is used while the migrator's own dependencies are still being
			// created.
			logger.debug("The database was used before the startup migrations could be prepared", ex);
			return null;
		}
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static String label(RunAs runAs) {
		return runAs.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Hands out the connections of one DataSource bean, watched while the watch is on.
	 */
	private record Watch(EarlyDatabaseUse earlyUse, String beanName) implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			Object connection = invocation.proceed();
			if (!this.earlyUse.watching()) {
				return connection;
			}
			this.earlyUse.handedOut(this.beanName);
			return this.earlyUse.watching() ? this.earlyUse.watch((Connection) connection, this.beanName) : connection;
		}

	}

	/** Notes the first use of one connection beyond its metadata. */
	private record ConnectionWatch(EarlyDatabaseUse earlyUse, Connection connection,
			String dataSource) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("equals")) {
				return proxy == args[0];
			}
			if (!METADATA_METHODS.contains(method.getName())) {
				this.earlyUse.beforeUse(this.dataSource);
			}
			try {
				return method.invoke(this.connection, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

	/**
	 * A use of the database while the context started, before the startup migrations ran.
	 *
	 * @param asking which bean used it first ("bean 'books'"), or "a bean" when it is not
	 * known
	 * @param dataSource the DataSource bean it used
	 * @param pending the versions the startup was still to apply
	 */
	record Observation(String asking, String dataSource, List<Long> pending) {
	}

}
