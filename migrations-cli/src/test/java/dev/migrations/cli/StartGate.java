package dev.migrations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Starts {@link MigrateCommand} at a moment the test chooses, so that a fleet of
 * processes begins together rather than one JVM start-up apart:
 * {@code StartGate <gate-directory> <migrate arguments>} announces itself with a file
 * {@code <pid>.ready} in the directory, waits for a file {@code open} there, and then
 * runs the command line's own {@code main} with the remaining arguments (its output and
 * exit status are the command's).
 */
public final class StartGate {

	/** The file whose appearance starts every waiting process. */
	static final String OPEN = "open";

	private StartGate() {
	}

	public static void main(String[] args) throws Exception {
		Path gate = Path.of(args[0]);
		Files.createFile(gate.resolve(ProcessHandle.current().pid() + ".ready"));
		while (!Files.exists(gate.resolve(OPEN))) {
			Thread.sleep(2);
		}
		MigrateCommand.main(Arrays.copyOfRange(args, 1, args.length));
	}

}
