package dev.migrations.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migrations.MigrationFormat;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationResult;
import dev.migrations.Migrator;
import dev.migrations.OutOfOrderPolicy;
import dev.migrations.ValidationMode;
import dev.migrations.spring.event.MigrationsEvent;
import dev.migrations.spring.event.MigrationsFailedEvent;
import dev.migrations.spring.event.MigrationsFinishedEvent;
import dev.migrations.spring.event.MigrationsStartedEvent;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration's conditions, beans, properties and startup modes, on a real
 * SQLite file.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsAutoConfigurationTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	private ApplicationContextRunner withDatabase() {
		MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;")
			.goose("00002_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY);", "DROP TABLE posts;");
		return onDatabase();
	}

	/** As {@link #withDatabase()}, with the migrations directory as it is. */
	private ApplicationContextRunner onDatabase() {
		return this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("app.db"),
				"migrations.locations=filesystem:" + this.temp.resolve("migrations"));
	}

	private SqliteTestDatabase database() {
		return SqliteTestDatabase.at(this.temp.resolve("app.db"));
	}

	@Test
	void backsOffWithoutDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class));
	}

	@Test
	void backsOffWhenDisabled() {
		withDatabase().withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class));
	}

	@Test
	void backsOffWithoutTheEngine() {
		withDatabase().withClassLoader(new FilteredClassLoader(Migrator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsProperties.class));
	}

	@Test
	void backsOffFromAMigratorTheApplicationDefines() {
		withDatabase().withUserConfiguration(OwnMigrator.class).run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class);
			assertThat(context.getBean(Migrator.class)).isSameAs(context.getBean(OwnMigrator.class).migrator);
		});
	}

	@Test
	void runsEveryMigratorTheApplicationDefinesInBeanOrder() {
		TwoDatabases.first = this.temp.resolve("first.db");
		TwoDatabases.second = this.temp.resolve("second.db");
		withDatabase().withUserConfiguration(TwoDatabases.class, EventRecorder.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBeans(Migrator.class).hasSize(2);
			context.getBean(MigrationsApplicationRunner.class).run(null);
			assertThat(SqliteTestDatabase.at(TwoDatabases.first).tables()).contains("users", "posts");
			assertThat(SqliteTestDatabase.at(TwoDatabases.second).tables()).contains("users", "posts");
			assertThat(context.getBean(EventRecorder.class).events)
				.extracting((event) -> event.getClass().getSimpleName() + " " + ((Migrator) event.getSource()).table())
				.containsExactly("MigrationsStartedEvent second_versions", "MigrationsFinishedEvent second_versions",
						"MigrationsStartedEvent first_versions", "MigrationsFinishedEvent first_versions");
		});
	}

	@Test
	void aFailingMigratorStopsTheStartupBeforeTheNextOne() {
		TwoDatabases.first = this.temp.resolve("first.db");
		TwoDatabases.second = this.temp.resolve("second.db");
		MigrationDir.at(this.temp.resolve("migrations"))
			.file("00003_broken.sql", "-- +goose Up\nINSERT INTO nowhere VALUES (1);\n");
		withDatabase().withUserConfiguration(TwoDatabases.class).run((context) -> {
			org.junit.jupiter.api.Assertions.assertThrows(dev.migrations.MigrationFailedException.class,
					() -> context.getBean(MigrationsApplicationRunner.class).run(null));
			assertThat(SqliteTestDatabase.at(TwoDatabases.second).tables()).contains("users", "posts");
			assertThat(SqliteTestDatabase.at(TwoDatabases.first).tables()).isEmpty();
			// A second trigger cannot start the application past the failure.
			org.junit.jupiter.api.Assertions.assertThrows(dev.migrations.MigrationFailedException.class,
					() -> context.getBean(MigrationsApplicationRunner.class).run(null));
		});
	}

	@Test
	void applicationRunnerRunsBeforeEveryOtherRunner() {
		withDatabase().withUserConfiguration(OtherRunner.class).run((context) -> {
			List<ApplicationRunner> runners = new ArrayList<>(context.getBeansOfType(ApplicationRunner.class).values());
			runners.sort(org.springframework.core.annotation.AnnotationAwareOrderComparator.INSTANCE);
			assertThat(runners.get(0)).isInstanceOf(MigrationsApplicationRunner.class);
		});
	}

	@Test
	void initializerRunsWhileTheContextStartsAndJdbcTemplateDependsOnIt() {
		withDatabase().withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("migrations.run-as=initializer")
			.withUserConfiguration(QueriesAtStartup.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(MigrationsInitializer.class)
					.doesNotHaveBean(MigrationsApplicationRunner.class);
				assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
					.contains("migrationsInitializer");
				assertThat(context.getBean(QueriesAtStartup.class).users).isZero();
			});
	}

	@Test
	void runAsIsReadWithRelaxedBinding() {
		withDatabase().withPropertyValues("migrations.run-as=INITIALIZER")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsInitializer.class));
	}

	@Test
	void onStartupValidateFailsWhenMigrationsArePending() {
		withDatabase().withPropertyValues("migrations.on-startup=validate", "migrations.run-as=initializer")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MigrationsNotAppliedException.class)
					.hasMessageContaining("versions [1, 2] are pending");
				assertThat(database().tables()).isEmpty();
			});
	}

	@Test
	void onStartupValidatePassesWhenEverythingIsApplied() {
		withDatabase().withPropertyValues("migrations.run-as=initializer")
			.run((context) -> assertThat(context).hasNotFailed());
		withDatabase().withPropertyValues("migrations.on-startup=validate", "migrations.run-as=initializer")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void onStartupNoneRunsNothing() {
		withDatabase().withPropertyValues("migrations.on-startup=none", "migrations.run-as=initializer")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(database().tables()).isEmpty();
				assertThat(context.getBean(MigrationsProgress.class).isDone()).isTrue();
			});
	}

	@Test
	void eventsAnnounceStartAndFinish() {
		withDatabase().withUserConfiguration(EventRecorder.class).run((context) -> {
			context.getBean(MigrationsApplicationRunner.class).run(null);
			List<MigrationsEvent> events = context.getBean(EventRecorder.class).events;
			assertThat(events).hasSize(2);
			assertThat(events.get(0)).isInstanceOf(MigrationsStartedEvent.class);
			assertThat(events.get(1)).isInstanceOf(MigrationsFinishedEvent.class);
			assertThat(((MigrationsFinishedEvent) events.get(1)).getResult().finalVersion()).isEqualTo(2);
		});
	}

	@Test
	void failureIsAnnouncedAndStopsTheRunner() {
		withDatabase().withUserConfiguration(EventRecorder.class).run((context) -> {
			MigrationDir.at(this.temp.resolve("migrations"))
				.file("00003_broken.sql", "-- +goose Up\nINSERT INTO nowhere VALUES (1);\n");
		});
		withDatabase().withUserConfiguration(EventRecorder.class).run((context) -> {
			org.junit.jupiter.api.Assertions.assertThrows(dev.migrations.MigrationFailedException.class,
					() -> context.getBean(MigrationsApplicationRunner.class).run(null));
			assertThat(context.getBean(EventRecorder.class).events.get(1)).isInstanceOf(MigrationsFailedEvent.class);
			assertThat(context.getBean(MigrationsProgress.class).phase()).isEqualTo(MigrationsProgress.Phase.FAILED);
		});
	}

	@Test
	void propertiesConfigureTheEngine() {
		withDatabase()
			.withPropertyValues("migrations.table=app_versions", "migrations.metadata-table=app_meta",
					"migrations.target=1", "migrations.run-as=initializer", "migrations.format=goose",
					"migrations.out-of-order=ignore", "migrations.validate-on-migrate=warn",
					"migrations.lock-timeout=5s", "migrations.placeholders.owner=app")
			.run((context) -> {
				Migrator migrator = context.getBean(Migrator.class);
				assertThat(migrator.table()).isEqualTo("app_versions");
				assertThat(migrator.metadataTable()).isEqualTo("app_meta");
				assertThat(migrator.format()).isEqualTo(MigrationFormat.GOOSE);
				assertThat(database().tables()).containsExactly("app_meta", "app_versions", "users");
			});
	}

	@Test
	void targetStopsAtTheNamedVersion() {
		withDatabase().withPropertyValues("migrations.target=1", "migrations.run-as=initializer")
			.run((context) -> assertThat(database().tables()).contains("users").doesNotContain("posts"));
	}

	@Test
	void versionsTheStartupLeavesUnappliedAreNamedInAWarning(CapturedOutput output) {
		withDatabase().withPropertyValues("migrations.target=1", "migrations.run-as=initializer")
			.run((context) -> assertThat(output).contains(
					"1 migration is left unapplied by migrator at startup: 00002_posts.sql (above migrations.target)"));
		withDatabase().withPropertyValues("migrations.on-startup=none", "migrations.run-as=initializer")
			.run((context) -> assertThat(output).contains(
					"1 migration is left unapplied by migrator at startup: 00002_posts.sql (migrations.on-startup=none)"));
	}

	@Test
	void repairOnMigrateRecordsTheChecksumsOfEditedFilesBeforeMigrating() {
		withDatabase().withPropertyValues("migrations.run-as=initializer")
			.run((context) -> assertThat(context).hasNotFailed());
		MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY); -- edited", "DROP TABLE users;");
		onDatabase().withPropertyValues("migrations.run-as=initializer")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(dev.migrations.ValidationException.class));
		onDatabase().withPropertyValues("migrations.run-as=initializer", "migrations.repair-on-migrate=true")
			.run((context) -> assertThat(context).hasNotFailed());
		onDatabase().withPropertyValues("migrations.run-as=initializer")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void forceVersionClearsTheDirtyFlagBeforeMigrating(CapturedOutput output) {
		MigrationDir migrations = MigrationDir.at(this.temp.resolve("migrations"))
			.delete("00001_users.sql")
			.delete("00002_posts.sql")
			.file("1_users.up.sql", "CREATE TABLE users (id INTEGER);")
			.file("2_posts.up.sql",
					"BEGIN;\nCREATE TABLE posts (id INTEGER);\nCOMMIT;\nINSERT INTO nowhere VALUES (1);");
		onDatabase().withPropertyValues("migrations.run-as=initializer")
			.run((context) -> assertThat(context).hasFailed());
		assertThat(database().query("SELECT version, dirty FROM schema_migrations")).singleElement()
			.satisfies((row) -> assertThat(row.get("dirty").toString()).isIn("1", "true"));
		// The schema is repaired by hand: posts is there, so version 2 is complete once
		// its file is fixed.
		migrations.file("2_posts.up.sql", "BEGIN;\nCREATE TABLE posts (id INTEGER);\nCOMMIT;");
		onDatabase().withPropertyValues("migrations.run-as=initializer", "migrations.force-version=2")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(database().query("SELECT version, dirty FROM schema_migrations")).singleElement()
			.satisfies((row) -> assertThat(row.get("dirty").toString()).isIn("0", "false"));
		onDatabase().withPropertyValues("migrations.run-as=initializer", "migrations.force-version=2")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("migrations.force-version=2 is set, but the database of migrator is not dirty, so"
				+ " nothing was forced; remove the setting");
	}

	@Test
	void connectRetriesWaitForADatabaseThatComesUpAfterTheApplication() throws Exception {
		Path directory = this.temp.resolve("later");
		MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
		java.util.concurrent.CompletableFuture<Void> comesUp = java.util.concurrent.CompletableFuture.runAsync(() -> {
			try {
				Thread.sleep(1500);
				java.nio.file.Files.createDirectories(directory);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + directory.resolve("app.db"),
				"migrations.locations=filesystem:" + this.temp.resolve("migrations"), "migrations.run-as=initializer",
				"migrations.connect-retries=10", "migrations.connect-retries-interval=500ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(SqliteTestDatabase.at(directory.resolve("app.db")).tables()).contains("users");
			});
		comesUp.get();
	}

	@Test
	void baselineOnMigrateAdoptsAnExistingSchema() {
		database().execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");
		withDatabase().withPropertyValues("migrations.run-as=initializer").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(dev.migrations.UnversionedDatabaseException.class);
		});
		withDatabase()
			.withPropertyValues("migrations.run-as=initializer", "migrations.baseline-on-migrate=true",
					"migrations.baseline-version=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(database().query("SELECT version_id FROM goose_db_version ORDER BY id"))
					.extracting((row) -> ((Number) row.get("version_id")).longValue())
					.containsExactly(0L, 1L, 2L);
			});
	}

	@Test
	void sqliteBackupIsTakenWhenEnabled() throws Exception {
		Path backups = java.nio.file.Files.createDirectories(this.temp.resolve("backups"));
		withDatabase()
			.withPropertyValues("migrations.run-as=initializer", "migrations.sqlite.backup.enabled=true",
					"migrations.sqlite.backup.directory=" + backups, "migrations.sqlite.backup.keep=3")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				try (var files = java.nio.file.Files.list(backups)) {
					assertThat(files.toList()).singleElement()
						.satisfies((file) -> assertThat(file.getFileName().toString()).endsWith(".bak"));
				}
			});
	}

	@Test
	void placeholdersReachFilesThatAskForThem() {
		MigrationDir.at(this.temp.resolve("migrations"))
			.file("00003_named.sql",
					"-- migrations:placeholders\n-- +goose Up\nCREATE TABLE ${table_name} (id INTEGER);\n");
		withDatabase().withPropertyValues("migrations.run-as=initializer", "migrations.placeholders.table_name=named")
			.run((context) -> assertThat(database().tables()).contains("named"));
	}

	@Test
	void outOfOrderPolicyIsApplied() {
		withDatabase().withPropertyValues("migrations.run-as=initializer")
			.run((context) -> assertThat(context).hasNotFailed());
		// Version 1 now looks never applied while version 2 is: an out-of-order pending
		// migration.
		database().execute("DELETE FROM goose_db_version WHERE version_id = 1",
				"DELETE FROM goose_db_version_meta WHERE version = 1", "DROP TABLE users");
		withDatabase().withPropertyValues("migrations.run-as=initializer").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(dev.migrations.OutOfOrderException.class);
		});
		withDatabase().withPropertyValues("migrations.run-as=initializer", "migrations.out-of-order=apply")
			.run((context) -> assertThat(database().tables()).contains("users"));
	}

	@Test
	void vendorPlaceholderResolvesToTheDatabase() {
		MigrationDir.at(this.temp.resolve("db/sqlite"))
			.goose("00001_sqlite_only.sql", "CREATE TABLE lite (id INTEGER);", "DROP TABLE lite;");
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("app.db"),
					"migrations.locations=filesystem:" + this.temp.resolve("db") + "/{vendor}",
					"migrations.run-as=initializer")
			.run((context) -> assertThat(database().tables()).contains("lite"));
	}

	@Test
	void classpathLocationsAreFoundThroughSpringsResourceResolver() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("app.db"),
					"migrations.locations=classpath:test-migrations/{vendor}", "migrations.run-as=initializer")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(database().tables()).contains("from_classpath");
			});
	}

	@Test
	void badTargetFailsNamingTheProperty() {
		withDatabase().withPropertyValues("migrations.target=soon").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("migrations.target");
		});
	}

	@Test
	void badEnumValueFailsNamingTheProperty() {
		withDatabase().withPropertyValues("migrations.on-startup=sometimes").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining("migrations");
		});
	}

	@Test
	void customizersAndListenerBeansAreApplied() {
		withDatabase().withPropertyValues("migrations.run-as=initializer")
			.withUserConfiguration(CustomizerAndListener.class)
			.run((context) -> {
				assertThat(context.getBean(Migrator.class).table()).isEqualTo("customized_versions");
				assertThat(context.getBean(CustomizerAndListener.class).heard).hasSize(2);
			});
	}

	@Test
	void javaMigrationBeansRunInVersionOrderWithTheFiles() {
		withDatabase().withPropertyValues("migrations.run-as=initializer")
			.withUserConfiguration(SeedsUsers.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).migrations()).containsEntry(3L, "00003_seed_users.java");
				assertThat(database().count("SELECT count(*) FROM users")).isEqualTo(1);
				assertThat(database().query("SELECT version_id FROM goose_db_version ORDER BY id"))
					.extracting((row) -> ((Number) row.get("version_id")).longValue())
					.containsExactly(0L, 1L, 2L, 3L);
			});
	}

	@Test
	void separateMigrationConnectionIsUsedWhenConfigured() {
		Path other = this.temp.resolve("ddl.db");
		withDatabase().withPropertyValues("migrations.url=jdbc:sqlite:" + other, "migrations.run-as=initializer")
			.run((context) -> {
				assertThat(SqliteTestDatabase.at(other).tables()).contains("users");
				assertThat(database().tables()).isEmpty();
			});
	}

	@Test
	void qualifiedMigrationDataSourceWins() {
		QualifiedDataSource.file = this.temp.resolve("qualified.db");
		withDatabase().withPropertyValues("migrations.run-as=initializer")
			.withUserConfiguration(QualifiedDataSource.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(SqliteTestDatabase.at(this.temp.resolve("qualified.db")).tables()).contains("users");
				assertThat(database().tables()).isEmpty();
			});
	}

	@Test
	void theStartersOwnPropertiesHaveTheirDocumentedDefaults() {
		// The engine's options are compared with a real builder's defaults in
		// MigrationsOptionCatalogueTests.
		MigrationsProperties properties = new MigrationsProperties();

		assertThat(properties.getRunAs()).isEqualTo(MigrationsProperties.RunAs.AUTO);
		assertThat(properties.getTarget()).isEqualTo("latest");
		assertThat(properties.getLocations()).containsExactly("classpath:db/migrations");
		assertThat(properties.getWeb().getRetryAfter()).isEqualTo(Duration.ofSeconds(5));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnMigrator {

		Migrator migrator;

		@Bean
		Migrator myMigrator(DataSource dataSource) {
			this.migrator = build(dataSource);
			return this.migrator;
		}

		static Migrator build(DataSource dataSource) {
			return Migrator.builder()
				.dataSource(dataSource)
				.sources(dev.migrations.source.MigrationSources.of("none",
						List.of(dev.migrations.source.MigrationResource.of("00001_x.sql", "x",
								() -> "-- +goose Up\nSELECT 1;\n".getBytes()))))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoMigrators {

		@Bean
		Migrator firstMigrator(DataSource dataSource) {
			return OwnMigrator.build(dataSource);
		}

		@Bean
		Migrator secondMigrator(DataSource dataSource) {
			return OwnMigrator.build(dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDatabases {

		static Path first;

		static Path second;

		@Bean
		@Order(2)
		Migrator firstMigrator(org.springframework.core.env.Environment environment) {
			return migrator(first, "first_versions", environment);
		}

		@Bean
		@Order(1)
		Migrator secondMigrator(org.springframework.core.env.Environment environment) {
			return migrator(second, "second_versions", environment);
		}

		private static Migrator migrator(Path file, String table,
				org.springframework.core.env.Environment environment) {
			return Migrator.builder()
				.dataSource(new dev.migrations.testing.TestDataSource("jdbc:sqlite:" + file))
				.locations(environment.getProperty("migrations.locations"))
				.table(table)
				.build();
		}

	}

	static class CountsUsersInItsConstructor {

		final int users;

		CountsUsersInItsConstructor(DataSource dataSource) {
			this.users = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
				.sql("SELECT count(*) FROM users")
				.query(Integer.class)
				.single();
		}

	}

	static class ReadsTheDatabaseProductAtStartup {

		final String product;

		ReadsTheDatabaseProductAtStartup(DataSource dataSource) throws java.sql.SQLException {
			try (java.sql.Connection connection = dataSource.getConnection()) {
				this.product = connection.getMetaData().getDatabaseProductName();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SeedsUsers {

		@Bean
		dev.migrations.JavaMigration seedUsers() {
			return new dev.migrations.JavaMigration() {

				@Override
				public long version() {
					return 3;
				}

				@Override
				public String description() {
					return "seed users";
				}

				@Override
				public void up(java.sql.Connection connection) throws Exception {
					try (java.sql.Statement statement = connection.createStatement()) {
						statement.executeUpdate("INSERT INTO users (id) VALUES (1)");
					}
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherRunner {

		@Bean
		@Order(0)
		ApplicationRunner otherRunner() {
			return (args) -> {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QueriesAtStartup {

		Integer users;

		@Bean
		@DependsOnDatabaseInitialization
		Object usersCounter(JdbcTemplate jdbcTemplate) {
			this.users = jdbcTemplate.queryForObject("SELECT count(*) FROM users", Integer.class);
			return this.users;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EventRecorder implements ApplicationListener<MigrationsEvent> {

		final List<MigrationsEvent> events = new ArrayList<>();

		@Override
		public void onApplicationEvent(MigrationsEvent event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerAndListener {

		final List<MigrationResult> heard = new ArrayList<>();

		@Bean
		MigratorBuilderCustomizer tableCustomizer() {
			return (builder) -> builder.table("customized_versions");
		}

		@Bean
		MigrationListener recordingListener() {
			return new MigrationListener() {

				@Override
				public void afterMigration(MigrationResult result) {
					CustomizerAndListener.this.heard.add(result);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedDataSource {

		static Path file;

		@Bean
		DataSource applicationDataSource(org.springframework.core.env.Environment environment) {
			return new dev.migrations.testing.TestDataSource(environment.getProperty("spring.datasource.url"));
		}

		@Bean
		@MigrationsDataSource
		DataSource ddlDataSource() {
			return new dev.migrations.testing.TestDataSource("jdbc:sqlite:" + file);
		}

	}

}
