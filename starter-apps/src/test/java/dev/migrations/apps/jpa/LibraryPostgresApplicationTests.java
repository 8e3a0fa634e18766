package dev.migrations.apps.jpa;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.migrations.apps.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Data JPA application on a fresh PostgreSQL schema with no {@code migrations.*}
 * setting.
 */
@SpringBootTest
class LibraryPostgresApplicationTests extends OnPostgres {

	@Test
	void startsOnAFreshDatabaseWithHibernateValidatingTheMigratedSchema(@Autowired BookRepository books) {
		assertThat(books.count()).isEqualTo(3);
		books.save(new Book(4L, "Release It!", "Michael T. Nygard"));
		assertThat(books.findByAuthor("Michael T. Nygard")).hasSize(1);
		assertThat(database().tables()).contains("books", "goose_db_version", "goose_db_version_meta");
	}

}
