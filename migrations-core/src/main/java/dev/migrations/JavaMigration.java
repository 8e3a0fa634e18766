package dev.migrations;

import java.sql.Connection;
import java.util.Locale;

/**
 * A migration written in Java, for data changes SQL cannot express (as goose's Go
 * migrations and Flyway's Java migrations are). It runs in version order with the
 * migration files and under the same transaction rules: in one transaction with its
 * history row unless {@link #transactional()} says otherwise, and it is recorded in the
 * same version tables, so the Go tools see a consistent version. Register it with
 * {@link Migrator.Builder#javaMigrations(JavaMigration...)}; with the Spring Boot
 * starter, a bean is enough.
 * <p>
 * Its checksum, which validation compares, is that of its version and description:
 * changing the description of an applied Java migration shows as a changed migration,
 * changing its code does not.
 */
public interface JavaMigration {

	/**
	 * The version, in the numbering of the migration files.
	 * @return the version
	 */
	long version();

	/**
	 * What it does, in a few words ("backfill project slugs"): its name in logs, status
	 * and history reads {@code 00004_backfill_project_slugs.java}.
	 * @return the description
	 */
	String description();

	/**
	 * Applies the migration.
	 * @param connection the migration's connection: inside its transaction when
	 * {@link #transactional()}; not to be committed, rolled back or closed
	 * @throws Exception when it fails, which fails the migration
	 */
	void up(Connection connection) throws Exception;

	/**
	 * Rolls the migration back. By default it does nothing, as an empty Down section
	 * does: rolling back only removes the version.
	 * @param connection the migration's connection, as for {@link #up(Connection)}
	 * @throws Exception when it fails, which fails the rollback
	 */
	default void down(Connection connection) throws Exception {
	}

	/**
	 * Whether it runs in a transaction with its history row, the default. Otherwise it
	 * runs in auto-commit, like a goose {@code NO TRANSACTION} file (golang-migrate:
	 * guarded by the dirty flag).
	 * @return whether it runs in a transaction
	 */
	default boolean transactional() {
		return true;
	}

	/**
	 * The name shown for it in logs, status and our metadata table:
	 * {@code 00004_backfill_project_slugs.java}.
	 * @return the name
	 */
	default String name() {
		String words = description().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
		return String.format(Locale.ROOT, "%05d_%s.java", version(), words.replaceAll("^_+|_+$", ""));
	}

}
