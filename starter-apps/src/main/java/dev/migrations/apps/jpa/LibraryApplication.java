package dev.migrations.apps.jpa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Data JPA application whose Hibernate validates the migrated schema at startup.
 * It has no Spring Data JDBC, which this module's classpath carries for another
 * application.
 */
@SpringBootApplication(
		excludeName = "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration")
public class LibraryApplication {

	public static void main(String[] args) {
		SpringApplication.run(LibraryApplication.class, args);
	}

}
