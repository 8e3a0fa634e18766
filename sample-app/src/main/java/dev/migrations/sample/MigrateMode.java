package dev.migrations.sample;

import java.util.Arrays;

import org.slf4j.bridge.SLF4JBridgeHandler;

import org.springframework.core.env.ConfigurableEnvironment;

import dev.migrations.spring.cli.ApplicationMigrateCommand;

/**
 * Runs the {@code migrate} command line from the application's jar, without starting the
 * application, against the application's own configuration: {@code application.yml}, the
 * active profiles and {@code SPRING_DATASOURCE_*} give the database and
 * {@code migrations.*} the rest, unless {@code --db}, {@code --dir} and the other options
 * say otherwise. Logging is configured for a terminal before anything logs: engine
 * warnings and errors on standard error, one line each, the command's own output on
 * standard output, and nothing of the drivers' own logging.
 */
final class MigrateMode {

	private MigrateMode() {
	}

	static int run(String[] args) {
		MigrateLogging.configure();
		// pgjdbc logs through java.util.logging, which would print its own two-line
		// records on standard error;
		// routed into the logging above, the configuration decides what a terminal sees.
		SLF4JBridgeHandler.removeHandlersForRootLogger();
		SLF4JBridgeHandler.install();
		if (Arrays.stream(args).anyMatch((arg) -> arg.equals("--db") || arg.startsWith("--db="))) {
			// Another database: the application's own directory is none of this command's
			// business.
			System.setProperty(SqliteDirectory.ENABLED_PROPERTY, "false");
		}
		ConfigurableEnvironment configuration = ApplicationMigrateCommand.configuration();
		SqliteDirectory.prepare(configuration);
		return ApplicationMigrateCommand.run(args, System.getenv(), configuration);
	}

}
