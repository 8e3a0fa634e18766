package dev.migrations.apps.jdbc;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migrations.apps.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @JdbcTest} slice on a fresh PostgreSQL schema sees the migrated schema, with
 * no extra annotation.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class JdbcSlicePostgresTests extends OnPostgres {

	@Test
	void theSliceSeesTheMigratedAndSeededBooks(@Autowired JdbcTemplate jdbc) {
		assertThat(jdbc.queryForObject("SELECT count(*) FROM books", Integer.class)).isEqualTo(3);
	}

}
