package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrations.Redaction;

/**
 * The sample application's executable jar, started as a user starts it: its migrations
 * applied once, or served until stopped, ready once {@code /actuator/health/readiness}
 * answers 200.
 */
final class SampleApp {

	/** How long a start may take before it counts as hung; not a performance limit. */
	private static final Duration HANG_GUARD = Duration.ofMinutes(3);

	private final Path java;

	private final Path jar;

	private final Path directory;

	private final List<String> jvmOptions;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	SampleApp(Path java, Path jar, Path directory) {
		this(java, jar, directory, List.of());
	}

	/**
	 * Creates a launcher of the application.
	 * @param java the {@code java} executable
	 * @param jar the application's executable jar
	 * @param directory its working directory, where its logs go
	 * @param jvmOptions options for its JVM, before {@code -jar}
	 */
	SampleApp(Path java, Path jar, Path directory, List<String> jvmOptions) {
		this.java = java;
		this.jar = jar;
		this.directory = directory;
		this.jvmOptions = jvmOptions;
	}

	/**
	 * Applies the application's migrations with its own {@code migrate up} command, which
	 * reads the application's configuration and starts no web server: quicker than a
	 * first start, and untimed.
	 * @param database the database, handed over as {@code SPRING_DATASOURCE_URL}
	 */
	void migrate(ScratchDatabase database) {
		Path log = this.directory.resolve("sample-app-migrate.log");
		ProcessBuilder builder = new ProcessBuilder(javaJar("migrate", "up")).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("SPRING_DATASOURCE_URL", database.url());
		try {
			Process process = builder.start();
			if (!process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
				throw new BenchmarkException("The sample app's migrate up did not finish:\n" + tail(log));
			}
			if (process.exitValue() != 0) {
				throw new BenchmarkException(
						"The sample app's migrate up exited with " + process.exitValue() + ":\n" + tail(log));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run the sample app's migrate up", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted while the sample app migrated", ex);
		}
	}

	/**
	 * The command that starts the application's jar with its JVM options and arguments.
	 */
	private List<String> javaJar(String... arguments) {
		List<String> command = new ArrayList<>(List.of(this.java.toString()));
		command.addAll(this.jvmOptions);
		command.addAll(List.of("-jar", this.jar.toString()));
		command.addAll(List.of(arguments));
		return command;
	}

	/**
	 * Starts the application on a database and waits until it is ready; closing the
	 * result stops it.
	 * @param database the database, handed over as {@code SPRING_DATASOURCE_URL}
	 * @param arguments more arguments for the application
	 * @return the running application
	 */
	Running serve(ScratchDatabase database, String... arguments) {
		int port = freePort();
		List<String> command = javaJar("--server.port=" + port);
		command.addAll(List.of(arguments));
		Path log = this.directory.resolve("sample-app-" + port + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("SPRING_DATASOURCE_URL", database.url());
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the sample app", ex);
		}
		try {
			awaitReadiness(process, port, log);
		}
		catch (RuntimeException ex) {
			stop(process);
			throw ex;
		}
		return new Running(process, port);
	}

	/** A running sample application, stopped on close. */
	record Running(Process process, int port) implements AutoCloseable {

		/** The address of a path of its API. */
		URI uri(String path) {
			return URI.create("http://127.0.0.1:" + this.port + path);
		}

		@Override
		public void close() {
			stop(this.process);
		}

	}

	private void awaitReadiness(Process process, int port, Path log) {
		long giveUp = System.nanoTime() + HANG_GUARD.toNanos();
		URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
		while (System.nanoTime() < giveUp) {
			if (!process.isAlive()) {
				throw new BenchmarkException("The sample app exited with " + process.exitValue() + " before it was"
						+ " ready:\n" + tail(log));
			}
			try {
				if (get(readiness).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notListeningYet) {
				// the port opens a moment after the process starts
			}
			pause(10);
		}
		throw new BenchmarkException(
				"The sample app was not ready after " + HANG_GUARD.toSeconds() + " s:\n" + tail(log));
	}

	private HttpResponse<String> get(URI uri) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted while waiting for the sample app", ex);
		}
	}

	private static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the sample app", ex);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted while waiting for the sample app", ex);
		}
	}

	private static String tail(Path log) {
		try {
			String text = Files.readString(log, StandardCharsets.UTF_8);
			return Redaction.credentials((text.length() <= 4000) ? text : "…" + text.substring(text.length() - 4000));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
