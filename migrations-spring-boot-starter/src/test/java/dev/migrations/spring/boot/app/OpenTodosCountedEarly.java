package dev.migrations.spring.boot.app;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the open todos while the context starts, with nothing that tells the starter it
 * needs the schema: under {@code migrations.run-as=application-runner} it queries before
 * the migrations have run.
 */
@Component
@ConditionalOnProperty(name = "todo.count-early", havingValue = "true")
public class OpenTodosCountedEarly {

	private final long count;

	public OpenTodosCountedEarly(DataSource dataSource) {
		this.count = JdbcClient.create(dataSource)
			.sql("SELECT count(*) FROM todos WHERE NOT done")
			.query(Long.class)
			.single();
	}

	public long count() {
		return this.count;
	}

}
