package dev.migrations.parser;

import java.util.Set;

/**
 * SQLite's keywords, upper-case, as its documentation lists them: a name that is one of
 * them must be quoted to be read as a name.
 */
public final class SqliteKeywords {

	/** Every keyword. */
	public static final Set<String> ALL = Set.of(("ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC"
			+ " ATTACH AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT"
			+ " CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE"
			+ " DEFERRED DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN"
			+ " FAIL FALSE FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE"
			+ " IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT LIKE"
			+ " LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER"
			+ " PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE RECURSIVE REFERENCES REGEXP REINDEX RELEASE"
			+ " RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWID ROWS SAVEPOINT SELECT SET STORED STRICT TABLE"
			+ " TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER TRUE UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES"
			+ " VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT")
		.split(" "));

	private SqliteKeywords() {
	}

	/**
	 * A name as SQLite reads it back unchanged: bare when it is a plain identifier and no
	 * keyword, else in double quotes.
	 * @param name the name
	 * @return the name, quoted only if it must be
	 */
	public static String quoteIfNeeded(String name) {
		boolean plain = !name.isEmpty() && !Character.isDigit(name.charAt(0))
				&& name.chars().allMatch((c) -> c == '_' || (c < 128 && Character.isLetterOrDigit(c)));
		return (plain && !ALL.contains(name.toUpperCase(java.util.Locale.ROOT))) ? name
				: "\"" + name.replace("\"", "\"\"") + "\"";
	}

}
