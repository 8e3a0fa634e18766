package dev.migrations.spring.actuate;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.actuate.web.ServletManagementContextAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.migrations.spring.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.testing.MigrationDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The endpoint and the health contributor over HTTP, as an application's actuator serves
 * them.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsActuatorWebTests {

	private static final String PASSWORD = "pa55-w0rd-for-tests";

	@TempDir
	Path temp;

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class,
				JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
				EndpointAutoConfiguration.class, JacksonEndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class, ManagementContextAutoConfiguration.class,
				ServletManagementContextAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always");

	@BeforeEach
	void writeMigrations() {
		MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;")
			.goose("00002_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY);", "DROP TABLE posts;");
	}

	private WebApplicationContextRunner withDatabase() {
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + url(),
				"migrations.locations=filesystem:" + this.temp.resolve("migrations"));
	}

	private String url() {
		return "jdbc:sqlite:" + this.temp.resolve("app.db");
	}

	private static MockMvc mvc(AssertableWebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context).build();
	}

	@Test
	void endpointServesEveryMigrationAsJson() {
		withDatabase().withPropertyValues("migrations.run-as=initializer")
			.run((context) -> mvc(context).perform(get("/actuator/migrations"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.migrators.migrator.version").value(2))
				.andExpect(jsonPath("$.migrators.migrator.dirty").value(false))
				.andExpect(jsonPath("$.migrators.migrator.pending").value(0))
				.andExpect(jsonPath("$.migrators.migrator.migrations[0].file").value("00001_users.sql"))
				.andExpect(jsonPath("$.migrators.migrator.migrations[0].state").value("applied"))
				.andExpect(jsonPath("$.migrators.migrator.migrations[0].checksum").value("verified"))
				.andExpect(jsonPath("$.migrators.migrator.migrations[0].executionTime").isNumber())
				.andExpect(jsonPath("$.migrators.migrator.migrations[0].appliedAt").isString()));
	}

	@Test
	void migrateIsNotMappedByDefault() {
		withDatabase().run((context) -> {
			mvc(context).perform(post("/actuator/migrations/migrator")).andExpect(status().isNotFound());
			mvc(context).perform(get("/actuator/migrations"))
				.andExpect(jsonPath("$.migrators.migrator.pending").value(2));
		});
	}

	@Test
	void migrateAppliesThePendingMigrationsWhenEnabled() {
		withDatabase().withPropertyValues("migrations.endpoint.migrate-enabled=true").run((context) -> {
			mvc(context).perform(post("/actuator/migrations/migrator"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.initialVersion").value(0))
				.andExpect(jsonPath("$.finalVersion").value(2))
				.andExpect(jsonPath("$.migrations[1].file").value("00002_posts.sql"))
				.andExpect(jsonPath("$.migrations[1].direction").value("up"));
			mvc(context).perform(get("/actuator/migrations"))
				.andExpect(jsonPath("$.migrators.migrator.pending").value(0));
		});
	}

	@Test
	void migrateAnswersBadRequestForAnUnknownMigrator() {
		withDatabase().withPropertyValues("migrations.endpoint.migrate-enabled=true")
			.run((context) -> mvc(context).perform(post("/actuator/migrations/nope"))
				.andExpect(status().isBadRequest()));
	}

	@Test
	void healthShowsTheMigrationsComponent() {
		withDatabase().run((context) -> mvc(context).perform(get("/actuator/health"))
			.andExpect(jsonPath("$.components.migrations.status").value("OUT_OF_SERVICE"))
			.andExpect(jsonPath("$.components.migrations.details.pending").value(2)));
	}

	@Test
	void aDatabaseThatCannotBeReachedShowsNeitherHealthNorTheEndpointTheUrlsPassword(CapturedOutput output) {
		// DriverManager names the URL in its message; nothing connects until the endpoint
		// and health are read.
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:nosuchdatabase://db.example/app?password=" + PASSWORD,
					"spring.datasource.driver-class-name=org.sqlite.JDBC",
					"spring.datasource.type=org.springframework.jdbc.datasource.DriverManagerDataSource",
					"migrations.on-startup=none", "migrations.locations=filesystem:" + this.temp.resolve("migrations"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MockMvc mvc = mvc(context);
				String health = mvc.perform(get("/actuator/health"))
					.andExpect(jsonPath("$.components.migrations.status").value("DOWN"))
					.andExpect(jsonPath("$.components.migrations.details.sqlState").value("08001"))
					.andReturn()
					.getResponse()
					.getContentAsString();
				StringBuilder endpoint = new StringBuilder();
				Throwable failure = catchThrowable(() -> endpoint
					.append(mvc.perform(get("/actuator/migrations")).andReturn().getResponse().getContentAsString()));
				for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
					endpoint.append(cause).append('\n');
				}

				assertThat(endpoint)
					.contains("No suitable driver found for jdbc:nosuchdatabase://db.example/app?password=***");
				assertThat(health).doesNotContain(PASSWORD);
				assertThat(endpoint.toString()).doesNotContain(PASSWORD);
			});
		assertThat(output).doesNotContain(PASSWORD);
	}

	@Test
	void neitherTheEndpointNorHealthShowsTheUrlOrThePassword() {
		withDatabase().withPropertyValues("spring.datasource.password=" + PASSWORD, "migrations.run-as=initializer")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String endpoint = mvc(context).perform(get("/actuator/migrations"))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				String health = mvc(context).perform(get("/actuator/health"))
					.andExpect(jsonPath("$.components.migrations.status").value("UP"))
					.andReturn()
					.getResponse()
					.getContentAsString();
				for (String body : new String[] { endpoint, health }) {
					assertThat(body).doesNotContain(PASSWORD)
						.doesNotContain("jdbc:")
						.doesNotContain(url())
						.doesNotContain(this.temp.toString());
				}
			});
	}

}
