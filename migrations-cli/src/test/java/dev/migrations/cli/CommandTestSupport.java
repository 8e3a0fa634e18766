package dev.migrations.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;

/** Runs the command in-process, capturing what it prints. */
abstract class CommandTestSupport {

	@TempDir
	Path temp;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	protected int runCommand(MigrateCommand.Defaults defaults, Map<String, String> environment, String... args) {
		this.out.reset();
		this.err.reset();
		return new MigrateCommand(defaults, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), environment)
			.run(args);
	}

	protected String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	protected String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
