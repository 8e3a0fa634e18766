package dev.migrations.apps.jpa;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;

import dev.migrations.apps.OnSqlite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @DataJpaTest} slice on a fresh SQLite file sees the migrated schema, with no
 * extra annotation.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class BookRepositorySqliteTests extends OnSqlite {

	@Test
	void theSliceSeesTheMigratedAndSeededBooks(@Autowired BookRepository books) {
		assertThat(books.findByAuthor("Martin Kleppmann")).extracting(Book::getTitle)
			.containsExactly("Designing Data-Intensive Applications");
	}

	@Test
	void theSliceWritesInsideTheTestsTransaction(@Autowired BookRepository books) {
		books.save(new Book(10L, "Working Effectively with Legacy Code", "Michael Feathers"));
		assertThat(books.count()).isEqualTo(4);
	}

}
