package dev.migrations.spring.cli;

import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

import dev.migrations.cli.MigrateCommand;
import dev.migrations.spring.autoconfigure.MigrationsProperties;
import dev.migrations.spring.autoconfigure.MigratorConfigurer;

/**
 * Runs the {@code migrate} command line from an application that uses the starter,
 * against the application's own configuration: its {@code application.yml} and profiles
 * give the DataSource ({@code migrations.url} or {@code spring.datasource.*}) and every
 * {@code migrations.*} setting, unless {@code --db}/{@code --dir} and the other options
 * override them. Only the configuration is read: no bean of the application is created,
 * no web server started.
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
		// The command prints its own output; the application's logging setup would print
		// Spring's startup lines
		// among it. Logging stays with whatever the application configured for its
		// command line.
		if (System.getProperty(LOGGING_SYSTEM) == null) {
			System.setProperty(LOGGING_SYSTEM, "none");
		}
		MigrateCommand.Defaults defaults = defaults();
		return new MigrateCommand(defaults, System.out, System.err, environment).run(args);
	}

	/** The application's configuration as the command's defaults. */
	static MigrateCommand.Defaults defaults() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConfigurationOnly.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.run()) {
			return defaults(context.getEnvironment());
		}
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

	/**
	 * An empty context: the command needs the application's configuration, none of its
	 * beans.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ConfigurationOnly {

	}

}
