package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.migrations.Redaction;

/**
 * Runs a command as a whole process, one at a time, and measures its wall time and the
 * CPU it used, user and system, from the kernel's account of this process's waited-for
 * children ({@code cutime} and {@code cstime} in {@code /proc/self/stat}, in clock ticks
 * of 10 ms): what a CI job or an init container pays for the command, JVM start included.
 * The CPU is Linux's only: elsewhere it reads 0 ({@link #isAvailable()}).
 */
final class ProcessCpu {

	private static final Path STAT = Path.of("/proc/self/stat");

	/** Linux's USER_HZ, the unit of the children's times. */
	private static final double SECONDS_PER_TICK = 0.01;

	private static final long HANG_GUARD_MINUTES = 5;

	private final Path scratch;

	ProcessCpu(Path scratch) {
		this.scratch = scratch;
	}

	/** Whether this system keeps the account read here. */
	static boolean isAvailable() {
		return Files.isReadable(STAT);
	}

	/**
	 * One process's CPU and wall time, and what it printed.
	 *
	 * @param cpuSeconds user and system CPU seconds
	 * @param wallMs milliseconds from start to exit
	 * @param output its standard output and error
	 */
	record Usage(double cpuSeconds, double wallMs, String output) {

	}

	/**
	 * Runs the command to its end.
	 * @param label what it does, for errors
	 * @param command the command
	 * @param environment variables added to this process's own
	 * @return what it used
	 * @throws BenchmarkException when it exits non-zero or hangs
	 */
	Usage run(String label, List<String> command, Map<String, String> environment) {
		try {
			Path output = Files.createTempFile(this.scratch, "cli", ".out");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().putAll(environment);
			long ticksBefore = childTicks();
			long start = System.nanoTime();
			Process process = builder.start();
			if (!process.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
				process.destroyForcibly().waitFor();
				throw new BenchmarkException(label + ": did not finish in " + HANG_GUARD_MINUTES + " minutes");
			}
			double wallMs = (System.nanoTime() - start) / 1e6;
			// The kernel adds a child's times to its parent's account when the parent
			// reaps it, which waitFor has seen done.
			long ticks = childTicks() - ticksBefore;
			String printed = Files.readString(output, StandardCharsets.UTF_8);
			Files.delete(output);
			if (process.exitValue() != 0) {
				throw new BenchmarkException(label + ": exited with " + process.exitValue() + ":\n"
						+ Redaction.credentials(printed.strip()));
			}
			return new Usage(ticks * SECONDS_PER_TICK, wallMs, printed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(label + ": cannot run it", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException(label + ": interrupted", ex);
		}
	}

	/**
	 * cutime + cstime: fields 16 and 17, counted after the command name's parenthesis.
	 */
	private static long childTicks() throws IOException {
		if (!isAvailable()) {
			return 0;
		}
		String stat = Files.readString(STAT, StandardCharsets.US_ASCII);
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields[0] is field 3 (state).
		return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
	}

}
