package dev.migrations.spring.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
 * The test application with a real web server in the default mode: requests that arrive while the startup
 * migrations run get 503 with Retry-After, actuator requests pass, and once they finish the application answers.
 */
class WebGateApplicationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@TempDir
	Path temp;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void requestsWaitForTheStartupMigrationsWhileActuatorAnswers() throws Exception {
		// Rather than racing a slow statement, the first migration is held until the requests are done.
		HoldFirstMigration hold = new HoldFirstMigration();
		CompletableFuture<Integer> port = new CompletableFuture<>();
		SpringApplication application = Startups.todoApplication();
		application.addInitializers((context) -> context.getBeanFactory().registerSingleton("hold", hold));
		application.addListeners(new ApplicationListener<WebServerInitializedEvent>() {

			@Override
			public void onApplicationEvent(WebServerInitializedEvent event) {
				port.complete(event.getWebServer().getPort());
			}

		});
		CompletableFuture<ConfigurableApplicationContext> running = CompletableFuture.supplyAsync(() -> application
			.run(Startups.sqlite(this.temp.resolve("todo.db")), "--server.port=0", "--migrations.web.retry-after=7s"));
		running.whenComplete((context, failure) -> port.completeExceptionally(
				(failure != null) ? failure : new IllegalStateException("Started without a web server")));
		try {
			int server = port.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(hold.started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

			HttpResponse<String> todos = get(server, "/todos");
			assertThat(todos.statusCode()).isEqualTo(503);
			assertThat(todos.headers().firstValue("Retry-After")).hasValue("7");

			HttpResponse<String> liveness = get(server, "/actuator/health/liveness");
			assertThat(liveness.statusCode()).isEqualTo(200);
			assertThat(liveness.body()).contains("\"UP\"");

			// Readiness is the actuator's own answer: out of service until the runners finish, without our header.
			HttpResponse<String> readiness = get(server, "/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(readiness.headers().firstValue("Retry-After")).isEmpty();
			assertThat(running).isNotDone();
		}
		finally {
			hold.release.countDown();
		}
		try (ConfigurableApplicationContext context = running.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
			int server = port.getNow(-1);
			HttpResponse<String> todos = get(server, "/todos");
			assertThat(todos.statusCode()).isEqualTo(200);
			assertThat(todos.body()).contains("Read the migration log").contains("Write the first migration");
			assertThat(get(server, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(WAIT)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
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
