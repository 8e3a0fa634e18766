/**
 * Small applications built against the starter the way Spring teams build theirs, one per
 * package, all on the books schema of {@code db/migrations} (the starter's default
 * location): {@code jpa} (Spring Data JPA with Hibernate validating the schema),
 * {@code jdbc} (JdbcTemplate, with beans that query while the context starts),
 * {@code datajdbc} (Spring Data JDBC) and {@code twodatabases} (two DataSources, a
 * Migrator each). None sets a {@code migrations.*} property.
 */
package dev.migrations.apps;
