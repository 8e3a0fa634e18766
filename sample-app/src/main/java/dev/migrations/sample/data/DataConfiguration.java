package dev.migrations.sample.data;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database-facing pieces every repository shares. */
@Configuration(proxyBeanMethods = false)
class DataConfiguration {

	/**
	 * The clock of every stored time, in milliseconds: every database keeps them, so a
	 * time reads back as written.
	 */
	@Bean
	Clock clock() {
		return Clock.tickMillis(ZoneOffset.UTC);
	}

	/**
	 * The value forms of the database the DataSource reaches, told from its JDBC URL:
	 * connecting here would make a database that is down fail this bean, before the
	 * migrations could report it.
	 */
	@Bean
	SqlValues sqlValues(JdbcConnectionDetails connection) {
		DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(connection.getJdbcUrl());
		return switch (driver) {
			case POSTGRESQL -> new PostgresValues();
			case SQLITE -> new SqliteValues();
			case MYSQL, MARIADB -> new MySqlValues();
			default -> throw new IllegalStateException(
					"The proxy runs on SQLite, PostgreSQL, MySQL and MariaDB, not " + driver);
		};
	}

	@Bean
	TimeOrderedIds timeOrderedIds() {
		return new TimeOrderedIds();
	}

}
