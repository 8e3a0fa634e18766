package dev.migrations;

/**
 * The version a database is at.
 *
 * @param version the highest applied version, 0 when nothing is applied
 * @param dirty whether a golang-migrate table is marked dirty: a migration at
 * {@code version} failed partway
 */
public record DatabaseVersion(long version, boolean dirty) {
}
