package dev.migrations.spring.boot;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.spring.autoconfigure.MigrationsApplicationRunner;
import dev.migrations.spring.autoconfigure.MigrationsInitializer;
import dev.migrations.spring.boot.app.OpenTodosAtStartup;
import dev.migrations.spring.boot.app.TodoApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** The test application with {@code migrations.run-as=initializer}, on a SQLite file. */
@SpringBootTest(classes = TodoApplication.class, properties = "migrations.run-as=initializer")
@DirtiesContext
class InitializerModeApplicationTests {

	@TempDir
	static Path temp;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + temp.resolve("todo.db"));
	}

	@Test
	void beanThatDependsOnDatabaseInitializationQueriesTheMigratedTableAtConstruction(
			@Autowired OpenTodosAtStartup openTodos) {
		assertThat(openTodos.count()).isEqualTo(1);
	}

	@Test
	void migrationsRunWhileTheContextStartsInsteadOfAsARunner(@Autowired ApplicationContext context) {
		assertThat(context.getBeansOfType(MigrationsInitializer.class)).hasSize(1);
		assertThat(context.getBeansOfType(MigrationsApplicationRunner.class)).isEmpty();
	}

}
