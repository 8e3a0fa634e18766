package dev.migrations.dialect;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;

import dev.migrations.Migrator;
import dev.migrations.parser.SqlStatement;
import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.RequiresMariaDb;
import dev.migrations.testing.TestDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the MySQL dialect decides on its own: its names, the lock name, implicit commits.
 */
class MySqlDialectTests {

	@Test
	void mysqlAndMariaDbAreNamedAsSpringBootNamesThem() {
		assertThat(Dialects.forProduct("MySQL").vendor()).isEqualTo("mysql");
		assertThat(Dialects.forProduct("MariaDB").vendor()).isEqualTo("mariadb");
		assertThat(Dialects.forProduct("MariaDB").transactionalDdl()).isFalse();
	}

	/**
	 * golang-migrate's lock names, worked out with another CRC-32 (Python's zlib) from
	 * "database:table" and golang-migrate's salt.
	 */
	@Test
	void lockNamesAreGolangMigratesDecimalKeys() {
		assertThat(MySqlDialect.golangMigrateLockName("test", "schema_migrations")).isEqualTo("874159513");
		assertThat(MySqlDialect.golangMigrateLockName("shop", "goose_db_version")).isEqualTo("1902336158");
	}

	@Test
	void ddlCommitsImplicitlyButTemporaryTablesAndRowsDoNot() {
		Dialect mysql = Dialects.forProduct("MySQL");
		assertThat(mysql.commitsImplicitly(new SqlStatement("CREATE TABLE t (id INT)", 1))).isTrue();
		assertThat(mysql.commitsImplicitly(new SqlStatement("alter table t add column x int", 1))).isTrue();
		assertThat(mysql.commitsImplicitly(new SqlStatement("RENAME TABLE a TO b", 1))).isTrue();
		assertThat(mysql.commitsImplicitly(new SqlStatement("CREATE TEMPORARY TABLE t (id INT)", 1))).isFalse();
		assertThat(mysql.commitsImplicitly(new SqlStatement("INSERT INTO t VALUES (1)", 1))).isFalse();
		assertThat(mysql.commitsImplicitly(new SqlStatement("UPDATE t SET id = 2", 1))).isFalse();
		assertThat(Dialects.forProduct("PostgreSQL").commitsImplicitly(new SqlStatement("CREATE TABLE t (id INT)", 1)))
			.isFalse();
	}

	/**
	 * MySQL's own driver calls a MariaDB server MySQL, and the engine works through it.
	 */
	@Test
	@RequiresMariaDb
	void mysqlsDriverOnAMariaDbServerIsTheMysqlDialect() throws Exception {
		try (MariaDbTestDatabase database = MariaDbTestDatabase.create()) {
			String url = "jdbc:mysql:" + database.dataSource().url().substring("jdbc:mariadb:".length());
			try (Connection connection = DriverManager.getConnection(url)) {
				assertThat(Dialects.detect(connection).vendor()).isEqualTo("mysql");
			}
			MigrationDir dir = MigrationDir.create()
				.goose("00001_users.sql", "CREATE TABLE users (id INTEGER);", "DROP TABLE users;");
			Migrator migrator = Migrator.builder()
				.dataSource(new TestDataSource(url))
				.locations(dir.location())
				.build();
			assertThat(migrator.up().finalVersion()).isEqualTo(1);
			assertThat(database.tables()).contains("users", "goose_db_version");
		}
	}

}
