package dev.migrations.apps.jpa;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The books, through Spring Data JPA. */
public interface BookRepository extends JpaRepository<Book, Long> {

	List<Book> findByAuthor(String author);

}
