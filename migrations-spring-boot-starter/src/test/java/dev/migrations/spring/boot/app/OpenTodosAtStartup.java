package dev.migrations.spring.boot.app;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the open todos while the context starts, with nothing but the DataSource, marked
 * {@link DependsOnDatabaseInitialization}, which makes it wait for the migrations in
 * {@code initializer} mode.
 */
@Component
@DependsOnDatabaseInitialization
@ConditionalOnProperty(name = "migrations.run-as", havingValue = "initializer")
public class OpenTodosAtStartup {

	private final long count;

	public OpenTodosAtStartup(DataSource dataSource) {
		this.count = JdbcClient.create(dataSource)
			.sql("SELECT count(*) FROM todos WHERE NOT done")
			.query(Long.class)
			.single();
	}

	public long count() {
		return this.count;
	}

}
