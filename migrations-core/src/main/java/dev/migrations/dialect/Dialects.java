package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import dev.migrations.DatabaseAccessException;
import dev.migrations.MigrationConfigurationException;

/** Picks the {@link Dialect} for a connection from the database product it reports. */
public final class Dialects {

	private static final List<Dialect> KNOWN = List.of(new PostgresDialect(), new SqliteDialect(),
			new MySqlDialect("mysql"), new MySqlDialect("mariadb"));

	private Dialects() {
	}

	/**
	 * Detects the dialect of a connection.
	 * @param connection the connection
	 * @return the dialect
	 * @throws MigrationConfigurationException when the database is not supported
	 */
	public static Dialect detect(Connection connection) {
		String product;
		try {
			product = connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			throw new DatabaseAccessException("reading the database product name", ex);
		}
		return forProduct(product);
	}

	/**
	 * The dialect of a product name, as JDBC reports it ({@code PostgreSQL},
	 * {@code SQLite}, {@code MySQL}, {@code MariaDB}).
	 * @param product the product name
	 * @return the dialect
	 * @throws MigrationConfigurationException when the database is not supported
	 */
	public static Dialect forProduct(String product) {
		String normalized = (product != null) ? product.toLowerCase(Locale.ROOT).replace(" ", "") : "";
		for (Dialect dialect : KNOWN) {
			if (normalized.equals(dialect.vendor())) {
				return dialect;
			}
		}
		throw new MigrationConfigurationException("dataSource",
				"Unsupported database '" + product + "': this engine supports PostgreSQL, SQLite, MySQL and MariaDB.");
	}

}
