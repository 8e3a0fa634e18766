package dev.migrations.apps;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrations.Migrator;
import dev.migrations.VerifyResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applications' own migrations, checked as the README's testing guide suggests:
 * {@code verify} applies every migration on a scratch database, rolls each back and
 * applies it again, so a Down that does not undo its Up fails the build rather than a
 * rollback in production.
 */
class MigrationsVerifyTests {

	@TempDir
	Path temp;

	@Test
	void everyMigrationRollsBackAndAppliesAgain() {
		Migrator migrator = Migrator.builder()
			.dataSource(
					new SimpleDriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite:" + this.temp.resolve("scratch.db")))
			.locations("classpath:db/migrations")
			.build();

		VerifyResult result = migrator.verify();

		assertThat(result.versions()).containsExactly(1L, 2L);
	}

}
