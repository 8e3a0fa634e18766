package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.parser.GooseParser;
import dev.migrations.parser.GooseScript;
import dev.migrations.parser.SqlStatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationFileSetTests {

	@TempDir
	Path directory;

	private static List<String> names(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map(file -> file.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void eachMigrationCreatesATableInsertsARowAndCreatesAnIndex() {
		assertThat(MigrationSql.up(7)).containsExactly(
				"CREATE TABLE t7 (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)",
				"INSERT INTO t7 (id, name) VALUES (1, 'row 7')", "CREATE INDEX t7_name_idx ON t7 (name)");
		assertThat(MigrationSql.down(7)).isEqualTo("DROP TABLE t7");
	}

	@Test
	void writesEachToolsOwnNaming() throws IOException {
		MigrationFileSet set = MigrationFileSet.write(this.directory, 3);
		assertThat(names(set.goose())).containsExactly("00001_create_t1.sql", "00002_create_t2.sql",
				"00003_create_t3.sql");
		assertThat(names(set.flyway())).containsExactly("V1__create_t1.sql", "V2__create_t2.sql", "V3__create_t3.sql");
		assertThat(names(set.liquibase())).containsExactly("changelog.sql");
	}

	@Test
	void gooseFilesHoldTheThreeStatementsUpAndTheDropDown() throws IOException {
		MigrationFileSet set = MigrationFileSet.write(this.directory, 2);
		String text = Files.readString(set.goose().resolve("00002_create_t2.sql"));
		assertThat(text).isEqualTo("""
				-- +goose Up
				CREATE TABLE t2 (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO t2 (id, name) VALUES (1, 'row 2');
				CREATE INDEX t2_name_idx ON t2 (name);

				-- +goose Down
				DROP TABLE t2;
				""");
		GooseScript script = GooseParser.parse("00002_create_t2.sql", text, Map.of());
		assertThat(script.up().statements()).extracting(SqlStatement::sql).hasSize(3);
		assertThat(script.down().statements()).hasSize(1);
	}

	@Test
	void flywayFilesHoldTheSameStatements() throws IOException {
		MigrationFileSet set = MigrationFileSet.write(this.directory, 1);
		assertThat(Files.readString(set.flyway().resolve("V1__create_t1.sql"))).isEqualTo("""
				CREATE TABLE t1 (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO t1 (id, name) VALUES (1, 'row 1');
				CREATE INDEX t1_name_idx ON t1 (name);
				""");
	}

	@Test
	void theLiquibaseChangelogHasOneChangeSetPerMigration() throws IOException {
		MigrationFileSet set = MigrationFileSet.write(this.directory, 2);
		assertThat(Files.readString(set.liquibase().resolve(MigrationFileSet.CHANGELOG))).isEqualTo("""
				--liquibase formatted sql

				--changeset bench:1
				CREATE TABLE t1 (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO t1 (id, name) VALUES (1, 'row 1');
				CREATE INDEX t1_name_idx ON t1 (name);
				--rollback DROP TABLE t1;

				--changeset bench:2
				CREATE TABLE t2 (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
				INSERT INTO t2 (id, name) VALUES (1, 'row 2');
				CREATE INDEX t2_name_idx ON t2 (name);
				--rollback DROP TABLE t2;
				""");
	}

	@Test
	void refusesAnEmptySet() {
		assertThatThrownBy(() -> MigrationFileSet.write(this.directory, 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
