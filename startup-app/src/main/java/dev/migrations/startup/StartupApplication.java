package dev.migrations.startup;

import java.sql.Connection;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The application of the benchmarks' startup workload: a Spring Boot application with a
 * connection pool, this engine's starter and Flyway's, started with one of the two
 * ({@code --migrations.enabled=false} or {@code --spring.flyway.enabled=false}) or with
 * neither. It prints {@code READY ms=…}, Spring Boot's time to ready, and exits. The pool
 * holds an open connection by the time the application is ready whichever library runs,
 * so the difference between the variants is the migration library's own work.
 */
@SpringBootApplication
public class StartupApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.addListeners((ApplicationReadyEvent ready) -> System.out
			.println(String.format(Locale.ROOT, "READY ms=%.1f", ready.getTimeTaken().toNanos() / 1e6)));
		try (ConfigurableApplicationContext context = application.run(args)) {
			// Ready: measured, done.
		}
	}

	/**
	 * Opens the pool's first connection in every variant, as the application's own first
	 * query would; a migration library that ran first has opened it already.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ApplicationRunner openThePool(DataSource dataSource) {
		return (arguments) -> {
			try (Connection connection = dataSource.getConnection()) {
				connection.isValid(1);
			}
		};
	}

}
