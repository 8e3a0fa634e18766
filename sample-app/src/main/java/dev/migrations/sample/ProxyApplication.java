package dev.migrations.sample;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample application: the management side of an LLM API proxy (projects, their
 * tokens, token checks and the audit log) on SQLite or PostgreSQL, its schema kept by the
 * migrations starter. {@code java -jar sample-app.jar
 * migrate ...} runs the migration command line against the application's configuration
 * instead, and {@code setup} prepares a new installation.
 */
@SpringBootApplication
public class ProxyApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("migrate")) {
			System.exit(MigrateMode.run(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && args[0].equals("setup")) {
			System.exit(SetupMode.run(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(ProxyApplication.class, args);
	}

}
