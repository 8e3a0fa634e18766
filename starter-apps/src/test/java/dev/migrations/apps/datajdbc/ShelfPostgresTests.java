package dev.migrations.apps.datajdbc;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;

import dev.migrations.apps.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @DataJdbcTest} slice on a fresh PostgreSQL schema sees the migrated schema,
 * with no extra annotation.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class ShelfPostgresTests extends OnPostgres {

	@Test
	void theSliceSeesTheMigratedAndSeededBooks(@Autowired ShelfBookRepository books) {
		assertThat(books.findById(1L))
			.hasValueSatisfying((book) -> assertThat(book.title()).isEqualTo("The Mythical Man-Month"));
	}

}
