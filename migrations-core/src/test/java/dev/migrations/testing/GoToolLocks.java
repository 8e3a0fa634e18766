package dev.migrations.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The PostgreSQL advisory lock keys and the MySQL lock names the Go tools take, worked
 * out here from their sources independently of the engine, for tests that hold them as
 * the tools do.
 */
public final class GoToolLocks {

	/**
	 * goose v3.26.0 and later: the CRC-32 (IEEE) of "goose" ({@code lock.DefaultLockID}).
	 */
	public static final long GOOSE = 4097083626L;

	/**
	 * goose before v3.26.0 (run against v3.21.1 and v3.24.3): the CRC-64 (ECMA) of
	 * "goose".
	 */
	public static final long GOOSE_BEFORE_3_26 = 5887940537704921958L;

	/** Both of goose's keys. */
	public static final List<Long> GOOSE_KEYS = List.of(GOOSE, GOOSE_BEFORE_3_26);

	private GoToolLocks() {
	}

	/**
	 * golang-migrate's key (v4.18.3) when a program hands it a connection
	 * ({@code postgres.WithInstance}): the database is {@code current_database()}.
	 */
	public static long golangMigrateWithInstance(String database, String schema, String table) {
		return golangMigrate(schema + "\0" + table + "\0" + database);
	}

	/**
	 * golang-migrate's key (v4.18.3) when opened from a URL, as its command line does:
	 * the database is the URL's path, with its leading slash.
	 */
	public static long golangMigrateFromUrl(String database, String schema, String table) {
		return golangMigrate(schema + "\0" + table + "\0/" + database);
	}

	/**
	 * golang-migrate's MySQL lock name (v4.18.3, from a URL or given a connection alike):
	 * the decimal key of "database:table", which it takes with
	 * {@code GET_LOCK(name, 10)}. goose takes no lock on MySQL.
	 */
	public static String golangMigrateMySql(String database, String table) {
		return Long.toString(golangMigrate(database + ":" + table));
	}

	/** The CRC-32 (IEEE) of the names, times golang-migrate's salt, in 32 bits. */
	private static long golangMigrate(String names) {
		CRC32 crc = new CRC32();
		crc.update(names.getBytes(StandardCharsets.UTF_8));
		return (crc.getValue() * 1486364155L) & 0xFFFFFFFFL;
	}

}
