package dev.migrations.spring.boot;

import java.nio.file.Path;

import org.springframework.boot.SpringApplication;

import dev.migrations.spring.boot.app.TodoApplication;

/**
 * Starts the test application the way its {@code main} method does, for tests that watch
 * startup itself.
 */
final class Startups {

	private Startups() {
	}

	static SpringApplication todoApplication() {
		return new SpringApplication(TodoApplication.class);
	}

	/** The argument that points the application at a SQLite file. */
	static String sqlite(Path file) {
		return "--spring.datasource.url=jdbc:sqlite:" + file;
	}

	/** The argument that adds a directory of migrations to the application's own. */
	static String withMigrationsFrom(Path directory) {
		return "--migrations.locations=classpath:app-migrations/{vendor},filesystem:" + directory;
	}

	/** The first exception of a type in a failure's chain of causes, or {@code null}. */
	static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

}
