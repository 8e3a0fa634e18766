package dev.migrations.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The {@code migrate} command line as a process of its own, as a user or a deployment
 * runs it:
 * {@code java -cp <this test's classpath> dev.migrations.cli.MigrateCommand <args>}. Its
 * standard output and error go to files, so that a test can watch them while it runs.
 * Closing it kills it if it still runs.
 */
final class MigrateProcess implements AutoCloseable {

	/**
	 * How long a process may take before a test gives up on it as hung; a guard, not a
	 * performance limit.
	 */
	static final Duration HANG_GUARD = Duration.ofMinutes(4);

	private final Process process;

	private final Path out;

	private final Path err;

	private MigrateProcess(Process process, Path out, Path err) {
		this.process = process;
		this.out = out;
		this.err = err;
	}

	/**
	 * Starts {@code migrate} with the given arguments.
	 * @param logs a directory for the process's output files
	 * @param name a name for its output files
	 * @param args the arguments after {@code migrate}
	 * @return the running process
	 */
	static MigrateProcess start(Path logs, String name, String... args) {
		return start(logs, name, Map.of(), args);
	}

	/**
	 * Starts {@code migrate} with more environment variables (for goose's ENVSUB, say).
	 */
	static MigrateProcess start(Path logs, String name, Map<String, String> environment, String... args) {
		return start(logs, name, environment, MigrateCommand.class.getName(), List.of(args));
	}

	/**
	 * Starts a main class of this test classpath with arguments, its output going to
	 * files named after it.
	 */
	static MigrateProcess start(Path logs, String name, Map<String, String> environment, String mainClass,
			List<String> args) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java,
				// Quick to start, light on the two cores the whole build shares.
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				mainClass));
		command.addAll(args);
		Path out = logs.resolve(name + ".out");
		Path err = logs.resolve(name + ".err");
		try {
			Files.createDirectories(logs);
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			return new MigrateProcess(process, out, err);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** What it printed on standard output so far. */
	String out() {
		return read(this.out);
	}

	/**
	 * What it printed on standard error so far (the engine's log lines, and the one-line
	 * error).
	 */
	String err() {
		return read(this.err);
	}

	/**
	 * Waits until it printed a text on standard output; fails when it exits or hangs
	 * before that.
	 */
	void awaitOutput(String text) throws InterruptedException {
		await("its output to show '" + text + "'", () -> out().contains(text));
	}

	/**
	 * Waits until a condition holds while this process runs; fails when it exits or hangs
	 * first.
	 */
	void await(String what, BooleanSupplier condition) throws InterruptedException {
		long giveUp = System.nanoTime() + HANG_GUARD.toNanos();
		while (!condition.getAsBoolean()) {
			if (!this.process.isAlive()) {
				throw new AssertionError("migrate exited with " + this.process.exitValue() + " before " + what
						+ ";\nstdout: " + out() + "\nstderr: " + err());
			}
			if (System.nanoTime() > giveUp) {
				throw new AssertionError("Gave up waiting for " + what + ";\nstdout: " + out() + "\nstderr: " + err());
			}
			Thread.sleep(20);
		}
	}

	/** Waits for it to end (at most {@link #HANG_GUARD}) and answers its exit status. */
	int exitStatus() throws InterruptedException {
		if (!this.process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
			throw new AssertionError("migrate hung;\nstdout: " + out() + "\nstderr: " + err());
		}
		return this.process.exitValue();
	}

	/**
	 * Kills it the way the OOM killer or {@code kill -9} does (SIGKILL on Linux), and
	 * waits until it is gone.
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
			throw new AssertionError("migrate survived SIGKILL");
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	@Override
	public String toString() {
		return "migrate (pid " + pid() + ")";
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
