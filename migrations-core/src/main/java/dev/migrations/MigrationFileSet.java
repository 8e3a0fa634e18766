package dev.migrations;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrations.format.Migration;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.internal.Inspector;

/**
 * The migrations of a builder's locations, read without a database: what
 * {@code validate --offline} checks in CI, where no database is at hand. Built by
 * {@link Migrator.Builder#buildFiles()}. Files are split by PostgreSQL's lexical rules,
 * which also accept backquoted names, since no database says which rules apply.
 */
public final class MigrationFileSet {

	private final MigrationCatalog catalog;

	MigrationFileSet(MigrationCatalog catalog) {
		this.catalog = catalog;
	}

	/** The format of the files. */
	public MigrationFormat format() {
		return this.catalog.format();
	}

	/** The versions and file names of every migration found, in version order. */
	public Map<Long, String> migrations() {
		return names(this.catalog);
	}

	/**
	 * What can be checked without a database: every file parses in both directions.
	 * @return the files that do not parse
	 */
	public ValidationReport validate() {
		return Inspector.validateFiles(this.catalog);
	}

	static Map<Long, String> names(MigrationCatalog catalog) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (Migration migration : catalog.all()) {
			names.put(migration.version(), migration.name());
		}
		return names;
	}

}
