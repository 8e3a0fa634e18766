package dev.migrations.apps.jdbc;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads every title once all singletons exist, still while the context starts. */
@Component
public class TitleIndex implements SmartInitializingSingleton {

	private final JdbcClient jdbc;

	private volatile List<String> titles;

	public TitleIndex(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.titles = this.jdbc.sql("SELECT title FROM books ORDER BY id").query(String.class).list();
	}

	public List<String> titles() {
		return this.titles;
	}

}
