package dev.migrations.apps.jdbc;

import jakarta.annotation.PostConstruct;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Counts the books in its {@code @PostConstruct}, while the context starts. */
@Component
public class BookCount {

	private final JdbcTemplate jdbc;

	private int count = -1;

	public BookCount(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@PostConstruct
	void countBooks() {
		this.count = this.jdbc.queryForObject("SELECT count(*) FROM books", Integer.class);
	}

	public int count() {
		return this.count;
	}

}
