package dev.migrations.spring.boot;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext;

import dev.migrations.spring.autoconfigure.MigrationsApplicationRunner;
import dev.migrations.spring.boot.app.Todo;
import dev.migrations.spring.boot.app.TablesSeenByRunners;
import dev.migrations.spring.boot.app.TodoApplication;
import dev.migrations.spring.boot.app.TodoRepository;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The test application started by {@code @SpringBootTest} in the default mode, on a real
 * database: its migrations run as the first application runner, and its repository works
 * on the schema they made.
 */
@SpringBootTest(classes = TodoApplication.class)
@DirtiesContext
abstract class TodoApplicationTests {

	@Autowired
	TodoRepository todos;

	/** The database the application was started on. */
	abstract TestDatabase database();

	@Test
	void migrationsAreAppliedByTheFirstApplicationRunner(@Autowired MigrationsApplicationRunner migrations) {
		assertThat(database().count("SELECT max(version_id) FROM goose_db_version")).isEqualTo(3);
		assertThat(migrations.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
	}

	@Test
	void theApplicationsOwnRunnerSeesTheMigratedTables(@Autowired TablesSeenByRunners runner) {
		assertThat(runner.tables()).contains("todos", "goose_db_version");
	}

	@Test
	void repositoryReadsTheSeededRows() {
		assertThat(this.todos.findAll()).extracting(Todo::title, Todo::done)
			.startsWith(tuple("Read the migration log", false), tuple("Write the first migration", true));
	}

	@Test
	void repositoryWritesThroughTheMigratedSchemaAndItsTrigger() {
		long id = this.todos.add("Ship the starter");
		assertThat(this.todos.isStamped(id)).isFalse();

		this.todos.markDone(id);

		assertThat(this.todos.findAll()).contains(new Todo(id, "Ship the starter", true));
		assertThat(this.todos.isStamped(id)).isTrue();
	}

}
