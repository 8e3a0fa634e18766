package dev.migrations.files;

/**
 * One file that {@link MigrationFiles#fix} renamed from a timestamp version to a
 * sequential one.
 *
 * @param from the old file name
 * @param to the new file name
 * @param fromVersion the timestamp version
 * @param toVersion the sequential version that replaced it
 */
public record RenamedFile(String from, String to, long fromVersion, long toVersion) {
}
