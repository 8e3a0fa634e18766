package dev.migrations.format;

import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.migrations.JavaMigration;
import dev.migrations.MigrationFormat;
import dev.migrations.MigrationSourceException;

/**
 * Adds Java migrations to a catalog of files, refusing versions the files or other Java
 * migrations have.
 */
public final class JavaMigrations {

	private JavaMigrations() {
	}

	/**
	 * The catalog with the Java migrations in it.
	 * @param catalog the files
	 * @param javaMigrations the Java migrations
	 * @return the catalog of both
	 * @throws MigrationSourceException for a version taken twice or one the format does
	 * not allow
	 */
	public static MigrationCatalog add(MigrationCatalog catalog, List<JavaMigration> javaMigrations) {
		if (javaMigrations.isEmpty()) {
			return catalog;
		}
		NavigableMap<Long, Migration> migrations = new TreeMap<>(catalog.migrations());
		long lowest = (catalog.format() == MigrationFormat.GOOSE) ? 1 : 0;
		for (JavaMigration code : javaMigrations) {
			Migration migration = Migration.of(code, catalog.format());
			if (code.version() < lowest) {
				throw new MigrationSourceException(migration.location(), List.of(migration.location()),
						"Java migration " + migration.location() + " has version " + code.version() + "; "
								+ catalog.format().label() + " versions start at " + lowest + ".");
			}
			Migration taken = migrations.putIfAbsent(code.version(), migration);
			if (taken != null) {
				throw new MigrationSourceException(migration.location(),
						List.of(taken.location(), migration.location()),
						"Duplicate migration version " + code.version() + ": " + taken.location() + " and "
								+ migration.location() + "; give each migration its own version.");
			}
		}
		return new MigrationCatalog(catalog.format(), catalog.locations(), migrations, catalog.masking(),
				catalog.syntax());
	}

}
