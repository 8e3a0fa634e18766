package dev.migrations.spring.actuate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.actuate.web.ServletManagementContextAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.migrations.spring.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The write operation that applies pending migrations is off unless
 * {@code migrations.endpoint.migrate-enabled} turns it on, and then it is an actuator
 * operation like any other: reached only where the actuator exposes the endpoint, allowed
 * only where the endpoint's access allows writes, and behind whatever the application's
 * security demands. Here an application lets anyone read its actuator and only operators
 * write.
 */
class MigrationsEndpointSecurityTests {

	@TempDir
	Path temp;

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class, JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, EndpointAutoConfiguration.class, JacksonEndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class, ManagementContextAutoConfiguration.class,
				ServletManagementContextAutoConfiguration.class))
		.withUserConfiguration(OperatorsOnlyWrite.class)
		.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.on-startup=none");

	@BeforeEach
	void writeMigrations() {
		MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
	}

	private WebApplicationContextRunner withDatabase(String... properties) {
		return this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("app.db"),
					"migrations.locations=filesystem:" + this.temp.resolve("migrations"))
			.withPropertyValues(properties);
	}

	private static MockMvc mvc(AssertableWebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	private boolean migrated() {
		return SqliteTestDatabase.at(this.temp.resolve("app.db")).hasTable("users");
	}

	@Test
	void onlyAnOperatorMayMigrate() {
		withDatabase("migrations.endpoint.migrate-enabled=true").run((context) -> {
			MockMvc mvc = mvc(context);
			mvc.perform(post("/actuator/migrations/migrator")).andExpect(status().isUnauthorized());
			mvc.perform(post("/actuator/migrations/migrator").with(as("viewer", "viewer-pass")))
				.andExpect(status().isForbidden());
			mvc.perform(get("/actuator/migrations"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.migrators.migrator.pending").value(1));
			assertThat(migrated()).isFalse();

			mvc.perform(post("/actuator/migrations/migrator").with(as("operator", "operator-pass")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.finalVersion").value(1));
		});
		assertThat(migrated()).isTrue();
	}

	@Test
	void withoutMigrateEnabledEvenAnOperatorFindsNoWriteOperation() {
		withDatabase().run((context) -> mvc(context)
			.perform(post("/actuator/migrations/migrator").with(as("operator", "operator-pass")))
			.andExpect(status().isNotFound()));
		assertThat(migrated()).isFalse();
	}

	@Test
	void readOnlyAccessToTheEndpointKeepsTheOperationOut() {
		withDatabase("migrations.endpoint.migrate-enabled=true", "management.endpoint.migrations.access=READ_ONLY")
			.run((context) -> {
				int status = mvc(context)
					.perform(post("/actuator/migrations/migrator").with(as("operator", "operator-pass")))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(status).isIn(404, 405);
			});
		assertThat(migrated()).isFalse();
	}

	@Test
	void anEndpointTheActuatorDoesNotExposeOverHttpHasNoOperationThere() {
		withDatabase("migrations.endpoint.migrate-enabled=true", "management.endpoints.web.exposure.include=health")
			.run((context) -> mvc(context)
				.perform(post("/actuator/migrations/migrator").with(as("operator", "operator-pass")))
				.andExpect(status().isNotFound()));
		assertThat(migrated()).isFalse();
	}

	private static RequestPostProcessor as(String user, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return (request) -> {
			request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
			return request;
		};
	}

	/**
	 * An application's own actuator security: anyone may read, only operators may write.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class OperatorsOnlyWrite {

		@Bean
		SecurityFilterChain actuator(HttpSecurity http) throws Exception {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/actuator/**")
					.permitAll()
					.requestMatchers("/actuator/**")
					.hasRole("OPERATOR")
					.anyRequest()
					.denyAll())
				.httpBasic(Customizer.withDefaults())
				// Actuator clients are scripts, not browsers.
				.csrf((csrf) -> csrf.ignoringRequestMatchers("/actuator/**"))
				.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("operator").password("{noop}operator-pass").roles("OPERATOR").build(),
					User.withUsername("viewer").password("{noop}viewer-pass").roles("VIEWER").build());
		}

	}

}
