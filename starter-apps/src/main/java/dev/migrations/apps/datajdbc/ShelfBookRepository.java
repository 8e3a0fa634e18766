package dev.migrations.apps.datajdbc;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/** The books, through Spring Data JDBC. */
public interface ShelfBookRepository extends ListCrudRepository<ShelfBook, Long> {

	List<ShelfBook> findByAuthor(String author);

}
