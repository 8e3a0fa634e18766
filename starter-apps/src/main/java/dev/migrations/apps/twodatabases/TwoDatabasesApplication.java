package dev.migrations.apps.twodatabases;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import dev.migrations.Migrator;

/**
 * An application with two databases, {@code catalog} and {@code archive}, each with its
 * own DataSource and its own Migrator bean. The starter runs both at startup, catalog
 * first, as their {@code @Order} says.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
		"org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration" })
public class TwoDatabasesApplication {

	public static void main(String[] args) {
		SpringApplication.run(TwoDatabasesApplication.class, args);
	}

	@Bean
	DataSource catalogDataSource(Environment environment) {
		return DataSourceBuilder.create().url(environment.getRequiredProperty("app.catalog.url")).build();
	}

	@Bean
	DataSource archiveDataSource(Environment environment) {
		return DataSourceBuilder.create().url(environment.getRequiredProperty("app.archive.url")).build();
	}

	@Bean
	@Order(1)
	Migrator catalogMigrator(@Qualifier("catalogDataSource") DataSource dataSource) {
		return Migrator.builder().dataSource(dataSource).locations("classpath:db/migrations").build();
	}

	@Bean
	@Order(2)
	Migrator archiveMigrator(@Qualifier("archiveDataSource") DataSource dataSource) {
		return Migrator.builder()
			.dataSource(dataSource)
			.locations("classpath:db/migrations")
			.table("archive_versions")
			.build();
	}

}
