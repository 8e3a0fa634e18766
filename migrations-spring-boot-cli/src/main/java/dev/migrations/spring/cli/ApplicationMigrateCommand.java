package dev.migrations.spring.cli;

import java.io.PrintStream;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.support.EnvironmentPostProcessorsFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

import dev.migrations.cli.MigrateCommand;
import dev.migrations.spring.autoconfigure.MigrationsProperties;
import dev.migrations.spring.autoconfigure.MigratorConfigurer;

/**
 * Runs the {@code migrate} command line from an application that uses the starter,
 * against the application's own configuration: its {@code application.yml} and profiles
 * give the DataSource ({@code migrations.url} or {@code spring.datasource.*}) and every
 * {@code migrations.*} setting, unless {@code --db}/{@code --dir} and the other options
 * override them. Only the configuration is read, as the application's environment post
 * processors build it: no application context, no bean of the application, no web server.
 */
public final class ApplicationMigrateCommand {

	private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

	private ApplicationMigrateCommand() {
	}

	/**
	 * Runs one command.
	 * @param args the arguments after {@code migrate}
	 * @param environment the process environment
	 * @return the exit status
	 */
	public static int run(String[] args, Map<String, String> environment) {
		return run(args, environment, configuration());
	}

	/**
	 * Runs one command with configuration the application has already read (and perhaps
	 * acted on) through {@link #configuration()}.
	 * @param args the arguments after {@code migrate}
	 * @param environment the process environment
	 * @param configuration the application's configuration
	 * @return the exit status
	 */
	public static int run(String[] args, Map<String, String> environment, ConfigurableEnvironment configuration) {
		return run(args, environment, configuration, System.out, System.err);
	}

	/**
	 * Runs one command, printing where the caller says: a command of the application's
	 * own that runs {@code migrate} as one of its steps reports its failures in its own
	 * words.
	 * @param args the arguments after {@code migrate}
	 * @param environment the process environment
	 * @param configuration the application's configuration
	 * @param out where the command's output goes
	 * @param err where its errors go
	 * @return the exit status
	 */
	public static int run(String[] args, Map<String, String> environment, ConfigurableEnvironment configuration,
			PrintStream out, PrintStream err) {
		return new MigrateCommand(defaults(configuration), out, err, environment).run(args);
	}

	/**
	 * The application's configuration as {@code SpringApplication} would prepare it
	 * before creating a context: the system properties and environment variables, then
	 * every {@code EnvironmentPostProcessor} of the class path in order
	 * ({@code application.yml} and its profiles, {@code spring.config.import},
	 * {@code SPRING_APPLICATION_JSON}, the application's own). No listener runs and no
	 * context is created: that costs seconds, and the command needs none of it.
	 * @return the configuration
	 */
	public static ConfigurableEnvironment configuration() {
		// The command prints its own output; should a post processor start the
		// application's logging setup, it would print Spring's lines among it.
		if (System.getProperty(LOGGING_SYSTEM) == null) {
			System.setProperty(LOGGING_SYSTEM, "none");
		}
		StandardEnvironment environment = new StandardEnvironment();
		SpringApplication application = new SpringApplication(ConfigurationOnly.class);
		DeferredLogFactory logs = (destination) -> destination.get();
		EnvironmentPostProcessorsFactory.fromSpringFactories(ApplicationMigrateCommand.class.getClassLoader())
			.getEnvironmentPostProcessors(logs, new DefaultBootstrapContext())
			.forEach((processor) -> processor.postProcessEnvironment(environment, application));
		return environment;
	}

	static MigrateCommand.Defaults defaults(ConfigurableEnvironment environment) {
		MigrationsProperties properties = Binder.get(environment)
			.bind("migrations", MigrationsProperties.class)
			.orElseGet(MigrationsProperties::new);
		boolean ownUrl = StringUtils.hasText(properties.getUrl());
		String url = ownUrl ? properties.getUrl() : environment.getProperty("spring.datasource.url");
		String user = (ownUrl || StringUtils.hasText(properties.getUser())) ? properties.getUser()
				: environment.getProperty("spring.datasource.username");
		String password = (ownUrl || StringUtils.hasText(properties.getUser())) ? properties.getPassword()
				: environment.getProperty("spring.datasource.password");
		MigratorConfigurer configurer = new MigratorConfigurer(properties);
		return new MigrateCommand.Defaults(url, user, password, properties.getLocations(), properties.getPlaceholders(),
				configurer::configureOptions);
	}

	/** The application class the post processors are given: it has no beans. */
	@Configuration(proxyBeanMethods = false)
	static class ConfigurationOnly {

	}

}
