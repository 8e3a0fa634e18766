package dev.migrations.spring.diagnostics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

import dev.migrations.DirtyDatabaseException;
import dev.migrations.MigrationFailedException;
import dev.migrations.Migrator;
import dev.migrations.spring.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.spring.autoconfigure.MigrationsNotAppliedException;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real startup failures, on a SQLite file, are explained by our analyzers through Spring
 * Boot's own failure reporting.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureAnalysisTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues("migrations.run-as=initializer");

	private ApplicationContextRunner withDatabase() {
		return this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("app.db"),
				"spring.datasource.password=s3cret-pw",
				"migrations.locations=filesystem:" + this.temp.resolve("migrations"));
	}

	@Test
	void pendingMigrationsWithOnStartupValidateAreExplained(CapturedOutput output) {
		MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");

		withDatabase().withPropertyValues("migrations.on-startup=validate").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationsNotAppliedFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getCause()).isInstanceOf(MigrationsNotAppliedException.class);
			assertThat(analysis.getDescription()).contains("Version 1 is pending.");

			String report = report(context.getStartupFailure(), output);
			assertThat(report).contains("APPLICATION FAILED TO START")
				.contains(analysis.getDescription())
				.contains(analysis.getAction());
			assertNoConnectionDetails(report);
		});
	}

	@Test
	void aFailingMigrationIsExplainedWithItsFileAndLine(CapturedOutput output) {
		MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;")
			.file("00002_broken.sql",
					"-- +goose Up\nCREATE TABLE posts (id INTEGER);\n\nINSERT INTO nowhere VALUES (1);\n");

		withDatabase().run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).cause().isInstanceOf(MigrationFailedException.class);

			String report = report(context.getStartupFailure(), output);
			String file = this.temp.resolve("migrations/00002_broken.sql").toString();
			assertThat(report)
				.contains("Migration " + file
						+ " failed while being applied: the database refused statement 2, which starts on line 4.")
				.contains("Database message: [SQLITE_ERROR] SQL error or missing database (no such table: nowhere)")
				.contains("Applied before it in this run, and still applied: 00001_users.sql.")
				.contains("Fix statement 2 (line 4) of " + file + " and start the application again");
			assertNoConnectionDetails(report);
		});
	}

	@Test
	void aDirtyDatabaseIsExplainedWithItsVersion(CapturedOutput output) {
		MigrationDir.at(this.temp.resolve("migrations"))
			.file("1_users.up.sql", "CREATE TABLE users (id INTEGER);")
			.file("1_users.down.sql", "DROP TABLE users;")
			// A golang-migrate file that commits its own transaction and then fails
			// leaves the table dirty.
			.file("2_posts.up.sql",
					"BEGIN;\nCREATE TABLE posts (id INTEGER);\nCOMMIT;\nINSERT INTO nowhere VALUES (1);")
			.file("2_posts.down.sql", "DROP TABLE posts;");
		withDatabase().run((context) -> {
			assertThat(context.getStartupFailure()).cause().isInstanceOf(MigrationFailedException.class);
			assertThat(report(context.getStartupFailure(), output))
				.contains("The golang-migrate version table is marked dirty at version 2")
				.contains("start the application once with migrations.force-version=V, V being the version before 2");
		});

		withDatabase().run((context) -> {
			assertThat(context.getStartupFailure()).cause().isInstanceOf(DirtyDatabaseException.class);

			String report = report(context.getStartupFailure(), output);
			assertThat(report).contains("The database is dirty at version 2")
				.contains("migrations.force-version=V, where V is 2");
			assertNoConnectionDetails(report);
		});
	}

	@Test
	@RequiresPostgres
	void aFailingMigrationOnPostgresqlIsExplainedWithItsSqlState(CapturedOutput output) {
		MigrationDir.at(this.temp.resolve("migrations"))
			.file("00001_broken.sql",
					"-- +goose Up\nCREATE TABLE users (id BIGINT);\nINSERT INTO nowhere VALUES (1);\n");
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + database.dataSource().url(),
						"migrations.locations=filesystem:" + this.temp.resolve("migrations"))
				.run((context) -> {
					assertThat(context.getStartupFailure()).cause().isInstanceOf(MigrationFailedException.class);

					String report = report(context.getStartupFailure(), output);
					assertThat(report).contains("refused statement 2, which starts on line 3.")
						.contains("Database message: ERROR: relation \"nowhere\" does not exist")
						.contains("SQLState: 42P01")
						.contains("It ran in a transaction, so it was rolled back");
					assertNoConnectionDetails(report);
					assertThat(database.tables()).doesNotContain("users");
				});
		}
	}

	@Test
	@RequiresPostgres
	void aMigrationWaitingBehindAnOpenTransactionGivesUpAfterTheConfiguredTimeNamingTheHolder(CapturedOutput output)
			throws Exception {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_accounts.sql", "CREATE TABLE accounts (id INT);", "DROP TABLE accounts;");
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Migrator.builder().dataSource(database.dataSource()).locations(dir.location()).build().up();
			dir.goose("00002_balance.sql", "ALTER TABLE accounts ADD COLUMN balance INT;",
					"ALTER TABLE accounts DROP COLUMN balance;");
			try (Connection reader = DriverManager.getConnection(database.dataSource().url());
					Statement statement = reader.createStatement()) {
				statement.execute("SET application_name = 'report-job-7f3a'");
				reader.setAutoCommit(false);
				statement.execute("SELECT count(*) FROM accounts");

				this.contextRunner
					.withPropertyValues("spring.datasource.url=" + database.dataSource().url(),
							"migrations.locations=filesystem:" + dir.location(), "migrations.table-lock-timeout=200ms")
					.run((context) -> {
						assertThat(context.getStartupFailure()).cause().isInstanceOf(MigrationFailedException.class);
						assertThat(report(context.getStartupFailure(), output)).contains("lock timeout")
							.contains("waited 200 ms for a lock held by session")
							.contains("application 'report-job-7f3a'")
							.contains("tried 3 times");
					});
			}
		}
	}

	/**
	 * Reports a failure as {@code SpringApplication} does, and returns what was printed.
	 */
	private static String report(Throwable failure, CapturedOutput output) {
		int start = output.toString().length();
		try (ConfigurableApplicationContext context = new GenericApplicationContext()) {
			List<SpringBootExceptionReporter> reporters = SpringFactoriesLoader
				.forDefaultResourceLocation(StartupFailureAnalysisTests.class.getClassLoader())
				.load(SpringBootExceptionReporter.class,
						ArgumentResolver.of(ConfigurableApplicationContext.class, context));
			assertThat(reporters).anyMatch((reporter) -> reporter.reportException(failure));
		}
		return output.toString().substring(start);
	}

	private static void assertNoConnectionDetails(String report) {
		assertThat(report).doesNotContain("jdbc:").doesNotContain("s3cret-pw");
	}

}
