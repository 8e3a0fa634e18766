package dev.migrations.apps.datajdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code books}, as Spring Data JDBC maps it.
 *
 * @param id the id
 * @param title the title
 * @param author the author
 */
@Table("books")
public record ShelfBook(@Id Long id, String title, String author) {

}
