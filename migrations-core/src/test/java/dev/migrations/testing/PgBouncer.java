package dev.migrations.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PgBouncer in front of the test server, started on a free loopback port with a
 * configuration of its own and stopped on close. Every database is passed through to the
 * test server as the test server's user, so a client names only the database.
 */
public final class PgBouncer implements AutoCloseable {

	/** Where the tests look for the binary first. */
	public static final String EXECUTABLE_VARIABLE = "MIGRATIONS_TEST_PGBOUNCER";

	private static final Pattern SERVER_IN_URL = Pattern
		.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/[^?]*(?:\\?(.*))?$");

	private static final Duration STARTS_WITHIN = Duration.ofSeconds(30);

	private final Process process;

	private final int port;

	private final Path log;

	private PgBouncer(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * The PgBouncer binary: {@value #EXECUTABLE_VARIABLE} if set, else {@code pgbouncer}
	 * on the path, else where Debian's package puts it.
	 */
	public static Optional<Path> executable() {
		String configured = System.getenv(EXECUTABLE_VARIABLE);
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
		return Stream
			.concat(Stream.of(path.split(java.io.File.pathSeparator)).filter((dir) -> !dir.isEmpty()),
					Stream.of("/usr/sbin"))
			.map((dir) -> Path.of(dir, "pgbouncer"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * Starts PgBouncer and waits until it accepts connections.
	 * @param poolMode {@code transaction} or {@code session}
	 * @param poolSize server connections per database and user
	 * @param directory where its configuration and log go
	 */
	public static PgBouncer start(String poolMode, int poolSize, Path directory) throws IOException {
		Path binary = executable().orElseThrow(() -> new IllegalStateException("PgBouncer is not installed"));
		Matcher server = SERVER_IN_URL.matcher(PostgresTestDatabase.baseUrl());
		if (!server.matches()) {
			throw new IllegalStateException("Cannot tell the server in " + PostgresTestDatabase.URL_VARIABLE);
		}
		String user = parameter(server.group(3), "user").orElse("postgres");
		String password = parameter(server.group(3), "password").map((value) -> " password=" + value).orElse("");
		int port = freePort();
		StringBuilder ini = new StringBuilder();
		ini.append("[databases]\n");
		ini.append("* = host=")
			.append(server.group(1))
			.append(" port=")
			.append(Optional.ofNullable(server.group(2)).orElse("5432"));
		ini.append(" user=").append(user).append(password).append('\n');
		ini.append("[pgbouncer]\n");
		ini.append("listen_addr = 127.0.0.1\n");
		ini.append("listen_port = ").append(port).append('\n');
		ini.append("unix_socket_dir =\n");
		ini.append("auth_type = any\n");
		ini.append("pool_mode = ").append(poolMode).append('\n');
		ini.append("default_pool_size = ").append(poolSize).append('\n');
		ini.append("max_client_conn = 200\n");
		// PgJDBC sends it at start-up; PgBouncer passes only parameters it tracks.
		ini.append("ignore_startup_parameters = extra_float_digits\n");
		if ("root".equals(System.getProperty("user.name"))) {
			// PgBouncer refuses to run as root; it reads its configuration first, then
			// switches.
			ini.append("user = ").append(unprivilegedUser()).append('\n');
		}
		Files.createDirectories(directory);
		Path config = directory.resolve("pgbouncer.ini");
		Files.writeString(config, ini.toString(), StandardCharsets.UTF_8);
		Path log = directory.resolve("pgbouncer.log");
		Process process = new ProcessBuilder(binary.toString(), config.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		PgBouncer bouncer = new PgBouncer(process, port, log);
		bouncer.awaitListening();
		return bouncer;
	}

	private static Optional<String> parameter(String query, String name) {
		if (query == null) {
			return Optional.empty();
		}
		return Stream.of(query.split("&"))
			.filter((pair) -> pair.toLowerCase(Locale.ROOT).startsWith(name + "="))
			.map((pair) -> pair.substring(name.length() + 1))
			.findFirst();
	}

	private static String unprivilegedUser() throws IOException {
		boolean postgres = Files.readAllLines(Path.of("/etc/passwd"))
			.stream()
			.anyMatch((line) -> line.startsWith("postgres:"));
		return postgres ? "postgres" : "nobody";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private void awaitListening() throws IOException {
		long giveUp = System.nanoTime() + STARTS_WITHIN.toNanos();
		while (System.nanoTime() < giveUp) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("PgBouncer exited with " + this.process.exitValue() + ": " + log());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException ex) {
				sleep(Duration.ofMillis(50));
			}
		}
		close();
		throw new IllegalStateException("PgBouncer did not listen within " + STARTS_WITHIN + ": " + log());
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A JDBC URL for a database through PgBouncer. Server-side prepared statements are
	 * off: PgBouncer 1.18 cannot carry them between the server connections of a
	 * transaction pool.
	 */
	public String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database + "?prepareThreshold=0";
	}

	/** What PgBouncer logged so far. */
	public String log() throws IOException {
		return Files.readString(this.log, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
