package dev.migrations.spring.boot.app;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the open todos while the context starts, with nothing but the DataSource: only
 * {@link DependsOnDatabaseInitialization} makes it wait for the migrations, which run while the context starts in
 * {@code initializer} mode (in the default mode they run after it, so no bean can query at construction).
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
