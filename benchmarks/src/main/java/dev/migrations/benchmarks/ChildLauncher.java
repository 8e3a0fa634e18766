package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.Redaction;
import dev.migrations.benchmarks.child.ChildMain;

/**
 * Starts {@code java -cp benchmarks.jar ChildMain …} processes, one per measurement, so
 * that every tool pays its own JVM start and class loading, and collects what they print.
 */
public final class ChildLauncher {

	/** How long a child may run before it counts as hung; not a performance limit. */
	private static final long HANG_GUARD_MINUTES = 60;

	private final Path java;

	private final Path classpath;

	private final Path scratch;

	/**
	 * Creates a launcher.
	 * @param java the {@code java} executable
	 * @param classpath the benchmarks jar
	 * @param scratch a directory for the children's output files
	 */
	public ChildLauncher(Path java, Path classpath, Path scratch) {
		this.java = java;
		this.classpath = classpath;
		this.scratch = scratch;
	}

	/**
	 * A launcher for the running JVM's own {@code java} and the jar or directory this
	 * class came from.
	 */
	public static ChildLauncher forThisJvm(Path scratch) {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		try {
			Path classpath = Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return new ChildLauncher(java, classpath, scratch);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate the benchmarks jar", ex);
		}
	}

	/**
	 * Runs a child to completion.
	 * @param label what the child does, for errors
	 * @param jvmOptions options for the child's JVM, such as {@code -Xmx64m}
	 * @param url the database's JDBC URL, handed over in the environment
	 * @param args the child's arguments
	 * @return what it printed, and how long it lived
	 * @throws BenchmarkException when it exits non-zero or hangs
	 */
	public ChildOutput run(String label, List<String> jvmOptions, String url, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(this.java.toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", this.classpath.toString(), ChildMain.class.getName()));
		command.addAll(args);
		try {
			Path stdout = Files.createTempFile(this.scratch, "child", ".out");
			Path stderr = Files.createTempFile(this.scratch, "child", ".err");
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile());
			builder.environment().put(ChildMain.URL_VARIABLE, url);
			long start = System.nanoTime();
			Process process = builder.start();
			if (!process.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
				process.destroyForcibly().waitFor();
				throw new BenchmarkException(
						label + ": the child process did not finish in " + HANG_GUARD_MINUTES + " minutes");
			}
			double wallMs = (System.nanoTime() - start) / 1e6;
			List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
			String errors = Files.readString(stderr, StandardCharsets.UTF_8);
			Files.delete(stdout);
			Files.delete(stderr);
			if (process.exitValue() != 0) {
				throw new BenchmarkException(label + ": the child process exited with " + process.exitValue() + ":\n"
						+ Redaction.credentials(tail(String.join("\n", lines) + "\n" + errors)));
			}
			return new ChildOutput(lines, wallMs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(label + ": cannot run the child process", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException(label + ": interrupted", ex);
		}
	}

	/** The benchmarks jar (or classes directory) the children run from. */
	public Path classpath() {
		return this.classpath;
	}

	/** The same, with no JVM options and no further environment. */
	public ChildOutput run(String label, String url, List<String> args) {
		return run(label, List.of(), url, args);
	}

	private static String tail(String text) {
		int limit = 4000;
		return (text.length() <= limit) ? text.strip() : "…" + text.substring(text.length() - limit).strip();
	}

}
