package dev.migrations.apps.jdbc;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migrations.apps.OnSqlite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @JdbcTest} slice on a fresh SQLite file sees the migrated schema, with no
 * extra annotation.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class JdbcSliceSqliteTests extends OnSqlite {

	@Test
	void theSliceSeesTheMigratedAndSeededBooks(@Autowired JdbcTemplate jdbc) {
		assertThat(jdbc.queryForObject("SELECT author FROM books WHERE id = 3", String.class))
			.isEqualTo("Martin Kleppmann");
	}

}
