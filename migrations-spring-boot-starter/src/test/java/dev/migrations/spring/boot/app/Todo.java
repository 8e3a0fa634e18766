package dev.migrations.spring.boot.app;

/**
 * One row of {@code todos}.
 *
 * @param id the id
 * @param title what to do
 * @param done whether it is done
 */
public record Todo(long id, String title, boolean done) {

}
