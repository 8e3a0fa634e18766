package dev.migrations.spring.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrations.testing.MigrationDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test application with a version it will never apply, out of order under
 * {@code migrations.out-of-order=ignore}: it is ready and healthy, and a warning at
 * startup names the version left behind.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutOfOrderIgnoredApplicationTests {

	@TempDir
	Path temp;

	@Test
	void healthIsUpAndTheStartupNamesTheVersionItLeftUnapplied(CapturedOutput output) throws Exception {
		Path extra = this.temp.resolve("extra");
		MigrationDir.at(extra).goose("00005_labels.sql", "CREATE TABLE labels (id INTEGER);", "DROP TABLE labels;");
		String database = Startups.sqlite(this.temp.resolve("todo.db"));
		Startups.todoApplication().run(database, Startups.withMigrationsFrom(extra), "--server.port=0").close();

		MigrationDir.at(extra).goose("00004_colors.sql", "CREATE TABLE colors (id INTEGER);", "DROP TABLE colors;");
		try (ConfigurableApplicationContext context = Startups.todoApplication()
			.run(database, Startups.withMigrationsFrom(extra), "--server.port=0", "--migrations.out-of-order=ignore")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpResponse<String> health = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"UP\"");
			assertThat(output).contains("1 migration is left unapplied by migrator at startup: 00004_colors.sql (out of"
					+ " order, and migrations.out-of-order=ignore)");
		}
	}

}
