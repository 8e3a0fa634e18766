package dev.migrations.apps.jpa;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;

import dev.migrations.apps.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @DataJpaTest} slice on a fresh PostgreSQL schema sees the migrated schema,
 * with no extra annotation.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class BookRepositoryPostgresTests extends OnPostgres {

	@Test
	void theSliceSeesTheMigratedAndSeededBooks(@Autowired BookRepository books) {
		assertThat(books.findById(1L))
			.hasValueSatisfying((book) -> assertThat(book.getAuthor()).isEqualTo("Frederick P. Brooks Jr."));
	}

}
