package dev.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Migrations written in Java, on every database: in version order with the files, under
 * the same transaction rules, in the same version tables.
 */
abstract class JavaMigrationContractTests extends DatabaseTestBase {

	private void writeUsersAndPosts() {
		this.dir
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
					"DROP TABLE users;")
			.goose("00003_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY, author INTEGER NOT NULL);",
					"DROP TABLE posts;");
	}

	@Test
	void runsInVersionOrderBetweenTheFilesAndRollsBackWithItsDown() {
		writeUsersAndPosts();
		Migrator migrator = builder().javaMigrations(new SeedUsers()).build();

		MigrateResult result = migrator.up();

		assertThat(result.migrations()).extracting(MigrationResult::file)
			.containsExactly("00001_users.sql", "00002_seed_users.java", "00003_posts.sql");
		assertThat(this.database.count("SELECT count(*) FROM users")).isEqualTo(2);
		assertThat(gooseRows()).containsExactly(0L, 1L, 2L, 3L);
		assertThat(this.database.query("SELECT file_name FROM goose_db_version_meta WHERE version = 2"))
			.containsExactly(Map.of("file_name", "00002_seed_users.java"));
		assertThat(migrator.status().migrations())
			.allSatisfy((row) -> assertThat(row.state()).isEqualTo(MigrationState.APPLIED));

		migrator.downTo(1);
		assertThat(this.database.count("SELECT count(*) FROM users")).isZero();
		assertThat(gooseRows()).containsExactly(0L, 1L);
	}

	@Test
	void aFailureRollsBackWhatItDidAndRecordsNothing() {
		writeUsersAndPosts();
		Migrator migrator = builder().javaMigrations(new SeedThenFail()).build();

		MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class, migrator::up);

		assertThat(failure.version()).isEqualTo(2);
		assertThat(failure.file()).isEqualTo("00002_seed_then_fail.java (" + SeedThenFail.class.getName() + ")");
		assertThat(failure.databaseMessage()).isEqualTo("java.lang.IllegalStateException: no more users");
		assertThat(failure.transactional()).isTrue();
		assertThat(this.database.count("SELECT count(*) FROM users")).isZero();
		assertThat(gooseRows()).containsExactly(0L, 1L);
	}

	@Test
	void outsideATransactionItRunsInAutoCommitLikeAGooseNoTransactionFile() {
		writeUsersAndPosts();
		List<Boolean> autoCommit = new java.util.ArrayList<>();
		JavaMigration outside = new JavaMigration() {

			@Override
			public long version() {
				return 2;
			}

			@Override
			public String description() {
				return "check auto-commit";
			}

			@Override
			public void up(Connection connection) throws Exception {
				autoCommit.add(connection.getAutoCommit());
			}

			@Override
			public boolean transactional() {
				return false;
			}

		};
		Migrator migrator = builder().javaMigrations(outside).build();

		assertThat(migrator.plan(Operation.up()).migrations()).filteredOn((planned) -> planned.version() == 2)
			.singleElement()
			.satisfies((planned) -> assertThat(planned.transactional()).isFalse());
		migrator.up();
		assertThat(autoCommit).containsExactly(true);
	}

	@Test
	void changingTheDescriptionOfAnAppliedOneIsAChangedMigration() {
		writeUsersAndPosts();
		builder().javaMigrations(new SeedUsers()).build().up();
		JavaMigration renamed = new SeedUsers() {

			@Override
			public String description() {
				return "seed the users";
			}

		};

		assertThat(builder().javaMigrations(renamed).build().validate().ofKind(ValidationIssue.Kind.CHECKSUM_MISMATCH))
			.singleElement()
			.satisfies((issue) -> assertThat(issue.version()).isEqualTo(2));
		assertThat(builder().javaMigrations(new SeedUsers()).build().validate().isValid()).isTrue();
	}

	@Test
	void aVersionTakenByAFileAndAJavaMigrationIsRefusedNamingBoth() {
		writeUsersAndPosts();
		JavaMigration clash = new SeedUsers() {

			@Override
			public long version() {
				return 3;
			}

		};
		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> builder().javaMigrations(clash).build())
			.withMessageContaining("Duplicate migration version 3")
			.withMessageContaining("00003_posts.sql")
			.withMessageContaining("00003_seed_users.java");
	}

	@Test
	void golangMigrateRecordsItsVersionInSchemaMigrations() {
		this.dir.file("1_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);")
			.file("1_users.down.sql", "DROP TABLE users;");
		Migrator migrator = builder().javaMigrations(new SeedUsers()).build();

		migrator.up();

		assertThat(migrateRows()).containsExactly("2:false");
		assertThat(this.database.count("SELECT count(*) FROM users")).isEqualTo(2);
	}

	/** Version 2: two users, through plain JDBC. */
	static class SeedUsers implements JavaMigration {

		@Override
		public long version() {
			return 2;
		}

		@Override
		public String description() {
			return "Seed users";
		}

		@Override
		public void up(Connection connection) throws Exception {
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (id, name) VALUES (?, ?)")) {
				for (String name : new String[] { "ada", "grace" }) {
					insert.setInt(1, name.length());
					insert.setString(2, name);
					insert.addBatch();
				}
				insert.executeBatch();
			}
		}

		@Override
		public void down(Connection connection) throws Exception {
			try (Statement delete = connection.createStatement()) {
				delete.executeUpdate("DELETE FROM users");
			}
		}

	}

	/** Version 2: a user, then a failure. */
	static final class SeedThenFail extends SeedUsers {

		@Override
		public String description() {
			return "seed, then fail";
		}

		@Override
		public void up(Connection connection) throws Exception {
			super.up(connection);
			throw new IllegalStateException("no more users");
		}

	}

}
