package dev.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files are split the way the database they run on reads them: valid SQL of one database
 * is not refused, nor split in the wrong place, because another database reads the same
 * characters differently.
 */
class DialectLexicalRulesTests {

	@Test
	void onSqliteBracketQuotedNamesAndCommentsThatDoNotNestAreSqlitesOwn() throws SQLException {
		MigrationDir dir = MigrationDir.create().file("00001_odd_names.sql", """
				-- +goose Up
				CREATE TABLE [odd;name] ([a;b] TEXT);
				/* the files live in db/*.sql */
				INSERT INTO [odd;name] VALUES ('x;y');
				CREATE TRIGGER odd_named AFTER INSERT ON [odd;name]
				BEGIN
					UPDATE [odd;name] SET [a;b] = 'z' WHERE [a;b] = 'never';
				END;
				-- +goose Down
				DROP TABLE [odd;name];
				""");
		try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
			Migrator migrator = Migrator.builder().dataSource(database.dataSource()).locations(dir.location()).build();

			assertThat(migrator.up().finalVersion()).isEqualTo(1);

			assertThat(single(database.dataSource(), "SELECT [a;b] FROM [odd;name]")).isEqualTo("x;y");
			assertThat(migrator.down().finalVersion()).isZero();
		}
	}

	@Test
	@RequiresPostgres
	void onPostgresqlCommentsNestAndBracketsAreSubscripts() throws SQLException {
		MigrationDir dir = MigrationDir.create().file("00001_tags.sql", """
				-- +goose Up
				/* outer /* inner; */ still the comment; */
				CREATE TABLE items (tags TEXT[]);
				INSERT INTO items VALUES (ARRAY['a;b', 'c']);
				DO $$ BEGIN PERFORM 1; END $$;
				-- +goose Down
				DROP TABLE items;
				""");
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Migrator migrator = Migrator.builder().dataSource(database.dataSource()).locations(dir.location()).build();

			assertThat(migrator.up().finalVersion()).isEqualTo(1);

			assertThat(single(database.dataSource(), "SELECT tags[1] FROM items")).isEqualTo("a;b");
		}
	}

	private static String single(TestDataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

}
