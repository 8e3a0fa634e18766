package dev.migrations.sample;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Logging for {@code java -jar sample-app.jar migrate ...}: the command prints its own
 * progress, so only warnings and errors are logged, one line each (no stack trace), on
 * standard error. The drivers log nothing here: what pgjdbc warns about (a port out of
 * range) comes back as the error the command reports, and sqlite-jdbc warns when its
 * clean-up of native libraries that other processes extracted races with those processes.
 * Set up in code: reading the same from an XML file costs the command a few hundred
 * milliseconds of start-up.
 */
final class MigrateLogging {

	private MigrateLogging() {
	}

	static void configure() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.reset();
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%level: %msg%n%nopex");
		encoder.start();
		ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
		appender.setContext(context);
		appender.setName("STDERR");
		appender.setTarget("System.err");
		appender.setEncoder(encoder);
		appender.start();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.WARN);
		root.addAppender(appender);
		context.getLogger("org.postgresql").setLevel(Level.OFF);
		context.getLogger("org.sqlite").setLevel(Level.OFF);
	}

}
