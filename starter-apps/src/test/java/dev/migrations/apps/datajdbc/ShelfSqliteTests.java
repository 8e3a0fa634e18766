package dev.migrations.apps.datajdbc;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;

import dev.migrations.apps.OnSqlite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @DataJdbcTest} slice on a fresh SQLite file sees the migrated schema, with
 * no extra annotation. Spring Data JDBC has no SQLite dialect of its own; H2's SQL serves
 * these queries, as SQLite applications commonly choose.
 */
@DataJdbcTest(properties = "spring.data.jdbc.dialect=h2")
@AutoConfigureTestDatabase(replace = Replace.NONE)
class ShelfSqliteTests extends OnSqlite {

	@Test
	void theSliceSeesTheMigratedAndSeededBooks(@Autowired ShelfBookRepository books) {
		assertThat(books.findAll()).hasSize(3);
		assertThat(books.findByAuthor("John Ousterhout")).extracting(ShelfBook::title)
			.containsExactly("A Philosophy of Software Design");
	}

}
