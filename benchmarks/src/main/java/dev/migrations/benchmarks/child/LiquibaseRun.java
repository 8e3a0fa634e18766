package dev.migrations.benchmarks.child;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase's update command on one formatted-SQL changelog, through its public command
 * API.
 */
final class LiquibaseRun implements ToolRun {

	/**
	 * Keeps Liquibase quiet and offline, as a service would configure it: its anonymous
	 * usage reports would add a network call to the timed part, and its console summary
	 * and java.util.logging lines (it does not log through SLF4J) would time the
	 * terminal, where the other tools log to slf4j-nop. Called before timing starts.
	 */
	static void configure() {
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
		LogManager.getLogManager().reset();
		Logger.getLogger("").setLevel(Level.OFF);
	}

	@Override
	public void migrate(String url, Path files, int count) throws Exception {
		try (Connection connection = DriverManager.getConnection(url)) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(files),
					Scope.Attr.ui.name(), new LoggerUIService());
			Scope.child(scope,
					() -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
						.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
						.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "changelog.sql")
						.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
						.execute());
		}
	}

}
