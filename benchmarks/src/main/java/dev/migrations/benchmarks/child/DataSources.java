package dev.migrations.benchmarks.child;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * The drivers' own unpooled data sources, as an application without a pool would hand
 * them to the engine.
 */
final class DataSources {

	private DataSources() {
	}

	static DataSource forUrl(String url) {
		if (url.startsWith("jdbc:sqlite:")) {
			SQLiteDataSource sqlite = new SQLiteDataSource();
			sqlite.setUrl(url);
			return sqlite;
		}
		PGSimpleDataSource postgres = new PGSimpleDataSource();
		postgres.setUrl(url);
		return postgres;
	}

}
