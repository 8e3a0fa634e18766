package dev.migrations.spring.boot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * A small application that uses the starter as an application would: a web API over a
 * {@code todos} table that its migrations create, in {@code app-migrations/{vendor}}.
 */
@SpringBootApplication
@PropertySource("classpath:todo-application.properties")
public class TodoApplication {

	public static void main(String[] args) {
		SpringApplication.run(TodoApplication.class, args);
	}

}
