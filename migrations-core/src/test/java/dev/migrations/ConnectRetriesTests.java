package dev.migrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.TestDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database that comes up after the runner: a SQLite file whose directory appears only
 * later, which SQLite cannot open until it does.
 */
class ConnectRetriesTests {

	@TempDir
	Path temp;

	private Migrator.Builder builder(TestDataSource dataSource) {
		MigrationDir dir = MigrationDir.create()
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER);", "DROP TABLE users;");
		return Migrator.builder().dataSource(dataSource).locations(dir.location());
	}

	@Test
	void connectRetriesWaitForTheDatabaseToComeUp() throws Exception {
		Path directory = this.temp.resolve("later");
		TestDataSource dataSource = new TestDataSource("jdbc:sqlite:" + directory.resolve("app.db"));
		CompletableFuture<Void> comesUp = CompletableFuture.runAsync(() -> {
			try {
				// The database appears once the runner has failed to connect at least
				// once.
				while (dataSource.failures().get() == 0) {
					Thread.sleep(10);
				}
				Files.createDirectories(directory);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		Migrator migrator = builder(dataSource).connectRetries(5)
			.connectRetriesInterval(Duration.ofMillis(200))
			.build();

		assertThat(migrator.up().finalVersion()).isEqualTo(1);
		comesUp.get(10, TimeUnit.SECONDS);
		assertThat(dataSource.attempts().get()).isGreaterThan(1);
	}

	@Test
	void withoutRetriesTheFirstFailureStopsTheCommand() {
		TestDataSource dataSource = new TestDataSource("jdbc:sqlite:" + this.temp.resolve("missing/app.db"));
		Migrator migrator = builder(dataSource).build();

		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(migrator::up)
			.satisfies((failure) -> assertThat(failure.action()).isEqualTo("connecting to the database"));
		assertThat(dataSource.attempts().get()).isOne();
	}

	@Test
	void retriesStopAfterTheConfiguredNumber() {
		TestDataSource dataSource = new TestDataSource("jdbc:sqlite:" + this.temp.resolve("missing/app.db"));
		Migrator migrator = builder(dataSource).connectRetries(2).connectRetriesInterval(Duration.ofMillis(10)).build();

		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(migrator::up);
		assertThat(dataSource.attempts().get()).isEqualTo(3);
	}

	@Test
	void negativeRetriesOrIntervalAreRefusedNamingTheOption() {
		TestDataSource dataSource = new TestDataSource("jdbc:sqlite:" + this.temp.resolve("app.db"));
		assertThatExceptionOfType(MigrationConfigurationException.class)
			.isThrownBy(() -> builder(dataSource).connectRetries(-1).build())
			.withMessageContaining("connectRetries");
		assertThatExceptionOfType(MigrationConfigurationException.class)
			.isThrownBy(() -> builder(dataSource).connectRetriesInterval(Duration.ZERO).build())
			.withMessageContaining("connectRetriesInterval");
	}

}
