package dev.migrations;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.format.Migration;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.internal.Inspector;
import dev.migrations.lint.PostgresLint;

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

	/**
	 * Lints every migration's Up section as PostgreSQL would run it: statements that take
	 * strong locks on tables that exist, rewrite or scan them, or break the running
	 * application (see {@link LintFinding}).
	 * @return the findings, in version and line order
	 */
	public List<LintFinding> lint() {
		return PostgresLint.check(this.catalog, (version) -> true);
	}

	/**
	 * Lints the migrations whose file names are given (for the files a branch adds).
	 * @param files file names, as {@link #migrations()} gives them (a path's directories
	 * are ignored)
	 * @return the findings, in version and line order
	 */
	public List<LintFinding> lint(Collection<String> files) {
		Set<String> names = new HashSet<>();
		for (String file : files) {
			String normalized = file.replace('\\', '/');
			names.add(normalized.substring(normalized.lastIndexOf('/') + 1));
		}
		Set<Long> versions = new HashSet<>();
		for (Migration migration : this.catalog.all()) {
			String down = migration.down().isPresent() ? migration.down().name() : null;
			if (names.contains(migration.name()) || (down != null && names.contains(down))) {
				versions.add(migration.version());
			}
		}
		return PostgresLint.check(this.catalog, versions::contains);
	}

	static Map<Long, String> names(MigrationCatalog catalog) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (Migration migration : catalog.all()) {
			names.put(migration.version(), migration.name());
		}
		return names;
	}

}
