package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.migrations.Redaction;

/**
 * {@code java -jar benchmarks.jar}: compares this engine with Flyway, Liquibase and plain
 * JDBC on the same generated migrations and the same databases, each measurement in a
 * fresh JVM, and prints a table and a RESULT line per workload, database and N. Exits 0
 * when every measurement succeeded and was verified, 1 when one failed, 2 for a bad
 * command line.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	/**
	 * Runs the benchmark.
	 * @param args see {@link Options#USAGE}
	 */
	public static void main(String[] args) {
		System.exit(run(args));
	}

	static int run(String[] args) {
		Options options;
		try {
			options = Options.parse(Arrays.asList(args), System.getenv());
		}
		catch (UsageException ex) {
			System.err.println("benchmarks: " + ex.getMessage());
			System.err.println(Options.USAGE);
			return 2;
		}
		if (options.help()) {
			System.out.println(Options.USAGE);
			return 0;
		}
		long start = System.nanoTime();
		Path scratch = null;
		try {
			scratch = Files.createTempDirectory("migrations-bench");
			Path created = scratch;
			// An interrupted run (Ctrl-C, SIGTERM) skips the finally below; 20,000
			// generated files must not stay behind.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(created), "delete-scratch"));
			new BenchmarkRun(options, scratch, new Report(System.out), new Progress(System.err)).run();
			System.err.printf("benchmarks: done in %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
			return 0;
		}
		catch (BenchmarkException | UsageException ex) {
			System.err.println("benchmarks: FAILED: " + Redaction.credentials(ex.getMessage()));
			return 1;
		}
		catch (IOException ex) {
			System.err.println("benchmarks: FAILED: " + ex.getMessage());
			return 1;
		}
		finally {
			deleteRecursively(scratch);
		}
	}

	private static void deleteRecursively(Path directory) {
		if (directory == null || !Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			System.err.println("benchmarks: could not remove " + directory + ": " + ex.getMessage());
		}
	}

}
