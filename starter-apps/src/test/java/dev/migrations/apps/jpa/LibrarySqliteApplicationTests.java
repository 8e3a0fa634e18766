package dev.migrations.apps.jpa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrations.apps.OnSqlite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Data JPA application on a fresh SQLite file with no {@code migrations.*} setting:
 * Hibernate validates the schema while the context starts, so the migrations run before
 * it.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class LibrarySqliteApplicationTests extends OnSqlite {

	@Test
	void startsOnAFreshDatabaseWithHibernateValidatingTheMigratedSchema(@Autowired BookRepository books) {
		assertThat(books.findAll()).extracting(Book::getTitle).hasSize(3).contains("The Mythical Man-Month");
		assertThat(books.findByAuthor("John Ousterhout")).singleElement()
			.satisfies((book) -> assertThat(book.getId()).isEqualTo(2));
	}

	@Test
	void theMigrationsRanWhileTheContextStartedBecauseOfTheEntityManagerFactory(CapturedOutput output) {
		assertThat(output).contains("Startup migrations run while the context starts (migrations.run-as=auto): the JPA"
				+ " EntityManagerFactory 'entityManagerFactory' needs the schema while the context starts");
		assertThat(database().tables()).contains("books", "goose_db_version", "goose_db_version_meta");
	}

}
