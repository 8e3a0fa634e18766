package dev.migrations.spring.boot.app;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code todos} table, through {@link JdbcClient}, in SQL that PostgreSQL, SQLite and
 * MariaDB share.
 */
@Repository
public class TodoRepository {

	private final JdbcClient jdbc;

	public TodoRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Todo> findAll() {
		return this.jdbc.sql("SELECT id, title, done FROM todos ORDER BY id").query(Todo.class).list();
	}

	public long add(String title) {
		return this.jdbc.sql("INSERT INTO todos (title) VALUES (?) RETURNING id")
			.param(title)
			.query(Long.class)
			.single();
	}

	public void markDone(long id) {
		this.jdbc.sql("UPDATE todos SET done = TRUE WHERE id = ?").param(id).update();
	}

	/** Whether the trigger of migration 3 stamped the row. */
	public boolean isStamped(long id) {
		return this.jdbc.sql("SELECT updated_at IS NOT NULL FROM todos WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

}
