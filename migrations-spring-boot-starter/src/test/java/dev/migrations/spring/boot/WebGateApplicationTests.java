package dev.migrations.spring.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrations.MigrationListener;
import dev.migrations.PlannedMigration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test application with a real web server in the default mode: requests that arrive
 * while the startup migrations run get 503 with Retry-After, actuator requests pass
 * wherever the actuator is mapped (liveness above all, or Kubernetes restarts the pod
 * mid-migration), and once they finish the application answers.
 */
class WebGateApplicationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@TempDir
	Path temp;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void requestsWaitForTheStartupMigrationsWhileActuatorAnswers() throws Exception {
		try (HeldStartup startup = HeldStartup.start(this.temp, "--migrations.web.retry-after=7s")) {
			HttpResponse<String> todos = get(startup.port(), "/todos");
			assertThat(todos.statusCode()).isEqualTo(503);
			assertThat(todos.headers().firstValue("Retry-After")).hasValue("7");

			HttpResponse<String> liveness = get(startup.port(), "/actuator/health/liveness");
			assertThat(liveness.statusCode()).isEqualTo(200);
			assertThat(liveness.body()).contains("\"UP\"");

			// Readiness is the actuator's own answer: out of service until the runners
			// finish, without our header.
			HttpResponse<String> readiness = get(startup.port(), "/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(readiness.headers().firstValue("Retry-After")).isEmpty();

			try (ConfigurableApplicationContext context = startup.release()) {
				HttpResponse<String> after = get(startup.port(), "/todos");
				assertThat(after.statusCode()).isEqualTo(200);
				assertThat(after.body()).contains("Read the migration log").contains("Write the first migration");
				assertThat(get(startup.port(), "/actuator/health/readiness").statusCode()).isEqualTo(200);
			}
		}
	}

	@Test
	void livenessPassesWithTheActuatorAtTheRootPath() throws Exception {
		try (HeldStartup startup = HeldStartup.start(this.temp, "--management.endpoints.web.base-path=/")) {
			assertThat(get(startup.port(), "/health/liveness").statusCode()).isEqualTo(200);
			assertThat(get(startup.port(), "/migrations").body()).contains("\"pending\":3");
			assertThat(get(startup.port(), "/todos").statusCode()).isEqualTo(503);
		}
	}

	@Test
	void livenessPassesWithTheActuatorAtACustomPath() throws Exception {
		try (HeldStartup startup = HeldStartup.start(this.temp, "--management.endpoints.web.base-path=/manage/")) {
			assertThat(get(startup.port(), "/manage/health/liveness").statusCode()).isEqualTo(200);
			assertThat(get(startup.port(), "/todos").statusCode()).isEqualTo(503);
			assertThat(get(startup.port(), "/actuator/health/liveness").statusCode()).isEqualTo(503);
		}
	}

	@Test
	void livenessPassesUnderAServletContextPathAndADispatcherServletPath() throws Exception {
		try (HeldStartup startup = HeldStartup.start(this.temp, "--server.servlet.context-path=/app",
				"--spring.mvc.servlet.path=/api")) {
			assertThat(get(startup.port(), "/app/api/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(get(startup.port(), "/app/api/todos").statusCode()).isEqualTo(503);
		}
	}

	@Test
	void livenessPassesOnAnAdditionalPathOfTheMainServer() throws Exception {
		try (HeldStartup startup = HeldStartup.start(this.temp,
				"--management.endpoint.health.probes.add-additional-paths=true")) {
			HttpResponse<String> livez = get(startup.port(), "/livez");
			assertThat(livez.statusCode()).isEqualTo(200);
			assertThat(livez.body()).contains("\"UP\"");
			assertThat(get(startup.port(), "/readyz").statusCode()).isEqualTo(503);
			assertThat(get(startup.port(), "/readyz").headers().firstValue("Retry-After")).isEmpty();
			assertThat(get(startup.port(), "/todos").statusCode()).isEqualTo(503);
		}
	}

	@Test
	void theManagementServerOnItsOwnPortIsNotGated() throws Exception {
		try (HeldStartup startup = HeldStartup.start(this.temp, "--management.server.port=0")) {
			int management = startup.port("management");
			assertThat(management).isNotEqualTo(startup.port());
			assertThat(get(management, "/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(get(startup.port(), "/todos").statusCode()).isEqualTo(503);
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(WAIT)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The test application started on a fresh SQLite file with its web server on a free
	 * port, its first startup migration held until released: rather than racing a slow
	 * statement, the requests are made while it waits.
	 */
	private static final class HeldStartup implements AutoCloseable {

		private final HoldFirstMigration hold = new HoldFirstMigration();

		private final Map<String, CompletableFuture<Integer>> ports = new ConcurrentHashMap<>();

		private CompletableFuture<ConfigurableApplicationContext> running;

		static HeldStartup start(Path temp, String... args) throws Exception {
			HeldStartup startup = new HeldStartup();
			SpringApplication application = Startups.todoApplication();
			application.addInitializers((context) -> context.getBeanFactory().registerSingleton("hold", startup.hold));
			application.addListeners(new ApplicationListener<WebServerInitializedEvent>() {

				@Override
				public void onApplicationEvent(WebServerInitializedEvent event) {
					String namespace = event.getApplicationContext().getServerNamespace();
					startup.server((namespace != null) ? namespace : "server").complete(event.getWebServer().getPort());
				}

			});
			List<String> arguments = new ArrayList<>(List.of(Startups.sqlite(temp.resolve("todo.db")),
					"--server.port=0", "--management.endpoints.web.exposure.include=health,migrations"));
			arguments.addAll(List.of(args));
			startup.running = CompletableFuture.supplyAsync(() -> application.run(arguments.toArray(String[]::new)));
			startup.running.whenComplete((context, failure) -> startup.ports.values()
				.forEach((port) -> port.completeExceptionally(
						(failure != null) ? failure : new IllegalStateException("Started without that web server"))));
			assertThat(startup.hold.started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(startup.running).isNotDone();
			return startup;
		}

		private CompletableFuture<Integer> server(String namespace) {
			return this.ports.computeIfAbsent(namespace, (name) -> new CompletableFuture<>());
		}

		int port() throws Exception {
			return port("server");
		}

		int port(String namespace) throws Exception {
			return server(namespace).get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}

		/** Lets the migrations finish and returns the started application. */
		ConfigurableApplicationContext release() throws Exception {
			assertThat(this.running).isNotDone();
			this.hold.release.countDown();
			return this.running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}

		@Override
		public void close() throws Exception {
			this.hold.release.countDown();
			ConfigurableApplicationContext context = this.running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			context.close();
		}

	}

	/** Holds the first migration, on the runner's thread, until released. */
	static final class HoldFirstMigration implements MigrationListener {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Override
		public void beforeMigration(PlannedMigration migration) {
			this.started.countDown();
			try {
				this.release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
