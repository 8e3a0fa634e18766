package dev.migrations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrations.source.MigrationSources;
import dev.migrations.testing.HostileInput;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** How the catalogue's inputs are handed to the engine, and what a refusal must say. */
final class HostileInputChecks {

	private HostileInputChecks() {
	}

	static Migrator.Builder builder(HostileInput input, MigrationDir dir, DataSource dataSource) {
		Migrator.Builder builder = Migrator.builder()
			.dataSource(dataSource)
			.environment(input.environment())
			.placeholders(input.placeholders());
		if (input.resources() != null) {
			builder.sources(MigrationSources.of("memory", input.resources()));
		}
		else {
			builder.locations(input.location(dir));
		}
		if (input.table() != null) {
			builder.table(input.table());
		}
		if (input.metadataTable() != null) {
			builder.metadataTable(input.metadataTable());
		}
		return builder;
	}

	static MigrateResult run(Migrator migrator, String command) {
		return switch (command) {
			case "up" -> migrator.up();
			case "down" -> migrator.down();
			default -> throw new IllegalArgumentException(command);
		};
	}

	/**
	 * The refusal is of the catalogued type and names the file, the line, and whatever
	 * else the input asks for.
	 */
	static void assertRefusalNamesItsCause(Throwable refused, HostileInput input, MigrationDir dir) {
		assertThat(refused).isInstanceOf(input.refusal());
		String message = refused.getMessage();
		List<String> files = input.files(dir.path());
		files.forEach((file) -> assertThat(message).contains(file));
		if (input.line() > 0) {
			assertThat(message).contains(files.get(0) + ":" + input.line());
		}
		else if (input.line() == 0) {
			assertThat(message).startsWith(files.get(0) + ": ");
		}
		if (refused instanceof MigrationParseException parse) {
			assertThat(parse.file()).isEqualTo(files.get(0));
			assertThat(parse.line()).isEqualTo(input.line());
		}
		if (refused instanceof MigrationFailedException failed) {
			assertThat(failed.file()).isEqualTo(files.get(0));
			assertThat(failed.line()).isEqualTo(input.line());
		}
		if (input.namesLocation()) {
			assertThat(message).contains(input.location(dir));
		}
		input.mentions().forEach((fragment) -> assertThat(message).contains(fragment));
	}

	/** Every table with every row, to compare a database before and after a refusal. */
	static Map<String, List<String>> contents(TestDatabase database) {
		Map<String, List<String>> contents = new LinkedHashMap<>();
		for (String table : database.tables()) {
			contents.put(table,
					database.query("SELECT * FROM " + database.quote(table)).stream().map(Object::toString).toList());
		}
		return contents;
	}

}
