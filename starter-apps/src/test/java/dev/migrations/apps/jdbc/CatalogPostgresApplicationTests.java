package dev.migrations.apps.jdbc;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.migrations.apps.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JdbcTemplate application on a fresh PostgreSQL schema with no {@code migrations.*}
 * setting.
 */
@SpringBootTest
class CatalogPostgresApplicationTests extends OnPostgres {

	@Test
	void queriesWhileTheContextStartsFindTheMigratedTable(@Autowired BookCount count, @Autowired TitleIndex index) {
		assertThat(count.count()).isEqualTo(3);
		assertThat(index.titles()).hasSize(3);
	}

}
