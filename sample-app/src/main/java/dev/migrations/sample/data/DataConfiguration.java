package dev.migrations.sample.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;

import dev.migrations.dialect.Dialects;

/** The database-facing pieces every repository shares. */
@Configuration(proxyBeanMethods = false)
class DataConfiguration {

	/** The clock of every stored time, in milliseconds: both databases keep them, so a time reads back as written. */
	@Bean
	Clock clock() {
		return Clock.tickMillis(ZoneOffset.UTC);
	}

	/** The value forms of the database the DataSource reaches, detected the way the migrations detect it. */
	@Bean
	SqlValues sqlValues(DataSource dataSource) {
		String vendor;
		try (Connection connection = dataSource.getConnection()) {
			vendor = Dialects.detect(connection).vendor();
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot connect to the database to tell which one it is", ex);
		}
		return switch (vendor) {
			case "postgresql" -> new PostgresValues();
			case "sqlite" -> new SqliteValues();
			default -> throw new IllegalStateException("The proxy runs on SQLite and PostgreSQL, not " + vendor);
		};
	}

	@Bean
	TimeOrderedIds timeOrderedIds() {
		return new TimeOrderedIds();
	}

}
