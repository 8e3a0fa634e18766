package dev.migrations.apps.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code books}, as JPA maps it. */
@Entity
@Table(name = "books")
public class Book {

	@Id
	private Long id;

	private String title;

	private String author;

	protected Book() {
	}

	public Book(Long id, String title, String author) {
		this.id = id;
		this.title = title;
		this.author = author;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public String getAuthor() {
		return this.author;
	}

}
