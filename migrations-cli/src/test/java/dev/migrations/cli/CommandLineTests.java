package dev.migrations.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.migrations.MigratorOption;
import dev.migrations.testing.MigrationDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Help, version and the options each command takes, as the command line reports them,
 * with their exit codes.
 */
class CommandLineTests extends CommandTestSupport {

	private int run(String... args) {
		return runCommand(MigrateCommand.Defaults.NONE, Map.of(), args);
	}

	@Test
	void helpListsEveryCommandInItsGroup() {
		assertThat(run("--help")).isZero();

		assertThat(out()).startsWith("usage: migrate <command> [arguments] [options]\n");
		Commands.ALL.values().forEach((command) -> assertThat(out()).contains("  " + command.synopsis() + " "));
		assertThat(out()).contains("moving the database:", "seeing before doing:", "existing databases and repairs:",
				"files:");
		assertThat(err()).isEmpty();
		assertThat(run("-h")).isZero();
	}

	@Test
	void eachCommandShowsItsOwnOptionsThreeWays() {
		assertThat(run("help", "up")).isZero();
		String help = out();
		assertThat(help).startsWith("usage: migrate up [options]").contains("--backup-dir=D", "--table-lock-timeout");
		assertThat(run("up", "--help")).isZero();
		assertThat(out()).isEqualTo(help);
		assertThat(run("help", "status")).isZero();
		assertThat(out()).contains("--db=").doesNotContain("--backup").doesNotContain("--lock-timeout");
	}

	@Test
	void everyFlagOfTheCatalogueIsTakenByACommandAndShownInItsHelp() {
		for (MigratorOption option : MigratorOption.values()) {
			if (option.flag().isEmpty()) {
				continue;
			}
			String flag = option.flag().get();
			Commands.Command command = Commands.ALL.values()
				.stream()
				.filter((candidate) -> candidate.takes(flag))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no command takes " + flag));
			assertThat(run("help", command.name())).isZero();
			assertThat(out()).as(flag).contains(flag);
		}
	}

	@Test
	void versionNamesTheBuild() {
		assertThat(run("--version")).isZero();

		assertThat(out().strip()).isEqualTo("migrate " + CommandLineModel.version()).doesNotContain("unknown");
	}

	@Test
	void anOptionTheCommandDoesNotTakeIsAUsageError() {
		assertThat(run("status", "--backup-dir", "x", "--db", "app.db", "--dir", "db")).isEqualTo(2);
		assertThat(err()).startsWith("migrate: status does not take --backup-dir\nusage: migrate status [options]");

		assertThat(run("up", "--timestamp", "--db", "app.db", "--dir", "db")).isEqualTo(2);
		assertThat(err()).startsWith("migrate: up does not take --timestamp");

		assertThat(run("up", "--backup-dir", "backups", "--db", "app.db", "--dir", "db")).isEqualTo(2);
		assertThat(err()).startsWith("migrate: --backup-dir needs --backup");

		assertThat(run("up", "--fast")).isEqualTo(2);
		assertThat(err()).startsWith("migrate: unknown option --fast");
	}

	@Test
	void commandsThatOnlyTouchFilesOpenNoDatabase() throws Exception {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("db"))
			.goose("20260101120000_users.sql", "CREATE TABLE users (id INTEGER);", "DROP TABLE users;");
		Path appDatabase = this.temp.resolve("data/app.db");
		Files.createDirectories(appDatabase.getParent());
		MigrateCommand.Defaults application = MigrateCommand.Defaults.of(appDatabase.toString(), dir.location());

		assertThat(runCommand(application, Map.of(), "fix")).isZero();
		assertThat(out()).contains("=> 00001_users.sql");
		assertThat(runCommand(application, Map.of(), "create", "add_posts")).isZero();
		assertThat(runCommand(application, Map.of(), "validate", "--offline")).isZero();

		assertThat(appDatabase).doesNotExist();
	}

	@Test
	void completionIsABashScriptNamingEveryCommand() {
		assertThat(run("completion")).isZero();

		assertThat(out()).startsWith("#!/usr/bin/env bash");
		Commands.ALL.keySet().forEach((command) -> assertThat(out()).contains(command));
	}

	@Test
	void theReadmesUsageBlockIsTheCommandsOwnHelp() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		Matcher block = Pattern.compile("(?s)<!-- usage: the output of 'migrate help' -->\\n```\\n(.*?)```")
			.matcher(readme);
		assertThat(block.find()).as("the README's usage block, after '<!-- usage: the output of 'migrate help' -->'")
			.isTrue();

		assertThat(run("--help")).isZero();

		assertThat(block.group(1)).isEqualTo(out());
		assertThat(List.of(readme.split("\n")))
			.contains("java -jar migrations-cli/target/migrate.jar up --db app.db --dir db/migrations");
	}

}
