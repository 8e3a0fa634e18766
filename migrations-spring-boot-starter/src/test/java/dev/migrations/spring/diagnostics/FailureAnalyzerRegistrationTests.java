package dev.migrations.spring.diagnostics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import dev.migrations.Direction;
import dev.migrations.BackupException;
import dev.migrations.DatabaseAccessException;
import dev.migrations.DirtyDatabaseException;
import dev.migrations.VersionTableException;
import dev.migrations.LockTimeoutException;
import dev.migrations.MigrationConfigurationException;
import dev.migrations.MigrationException;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationParseException;
import dev.migrations.MigrationSourceException;
import dev.migrations.OutOfOrderException;
import dev.migrations.UnversionedDatabaseException;
import dev.migrations.ValidationException;
import dev.migrations.ValidationIssue;
import dev.migrations.ValidationReport;
import dev.migrations.spring.autoconfigure.MigrationsNotAppliedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzers are registered in {@code META-INF/spring.factories}, and each wins for
 * the failure it explains.
 */
class FailureAnalyzerRegistrationTests {

	private static final List<Class<?>> OURS = List.of(BackupFailureAnalyzer.class, DatabaseAccessFailureAnalyzer.class,
			VersionTableFailureAnalyzer.class, DirtyDatabaseFailureAnalyzer.class, LockTimeoutFailureAnalyzer.class,
			MigrationConfigurationFailureAnalyzer.class, MigrationFailedFailureAnalyzer.class,
			MigrationParseFailureAnalyzer.class, MigrationSourceFailureAnalyzer.class,
			MigrationsNotAppliedFailureAnalyzer.class, OutOfOrderFailureAnalyzer.class,
			UnversionedDatabaseFailureAnalyzer.class, ValidationFailureAnalyzer.class);

	/**
	 * Every registered analyzer, Spring Boot's included, loaded the way Spring Boot loads
	 * them: those whose library is absent (Bean Validation's, here) are left out.
	 */
	private static List<FailureAnalyzer> registered() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, context.getBeanFactory())
				.and(Environment.class, context.getEnvironment());
			return SpringFactoriesLoader
				.forDefaultResourceLocation(FailureAnalyzerRegistrationTests.class.getClassLoader())
				.load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, failure) -> {
				}));
		}
	}

	@Test
	void everyAnalyzerIsRegisteredInSpringFactories() {
		List<Class<?>> registered = registered().stream().<Class<?>>map(Object::getClass).toList();

		assertThat(registered).containsAll(OURS);
	}

	@Test
	void eachEngineFailureIsAnalyzedByItsOwnAnalyzerBeforeAnyOther() {
		List<FailureAnalyzer> analyzers = registered();
		ValidationReport changed = new ValidationReport(
				List.of(new ValidationIssue(ValidationIssue.Kind.CHECKSUM_MISMATCH, 2, "00002_posts.sql", "changed")));
		Map<MigrationException, Class<?>> failures = new LinkedHashMap<>();
		failures.put(new DirtyDatabaseException("schema_migrations", 4), DirtyDatabaseFailureAnalyzer.class);
		failures.put(new BackupException(java.nio.file.Path.of("backups"), "cannot write", null),
				BackupFailureAnalyzer.class);
		failures.put(new DatabaseAccessException("connecting to the database",
				new java.sql.SQLException("Connection refused", "08001")), DatabaseAccessFailureAnalyzer.class);
		failures.put(new VersionTableException("goose_db_version", "id, version_id, is_applied, tstamp", "wrong", null),
				VersionTableFailureAnalyzer.class);
		failures.put(new LockTimeoutException("lock", Duration.ofSeconds(30), "pid 7 on host-b"),
				LockTimeoutFailureAnalyzer.class);
		failures.put(new MigrationConfigurationException("lockTimeout", "lockTimeout must be zero or positive."),
				MigrationConfigurationFailureAnalyzer.class);
		failures.put(
				new MigrationFailedException(new MigrationFailedException.Failure(3, "00003_tags.sql", Direction.UP, 1,
						2, "42P01", 0, "relation \"tag\" does not exist", true, false), List.of(), null),
				MigrationFailedFailureAnalyzer.class);
		failures.put(new MigrationParseException("00004_broken.sql", 3, "unterminated string literal"),
				MigrationParseFailureAnalyzer.class);
		failures.put(new MigrationSourceException("classpath:db/migrations", List.of(), "Location does not exist."),
				MigrationSourceFailureAnalyzer.class);
		failures.put(new MigrationsNotAppliedException(List.of(5L), new ValidationReport(List.of())),
				MigrationsNotAppliedFailureAnalyzer.class);
		failures.put(new OutOfOrderException(List.of(2L), 5), OutOfOrderFailureAnalyzer.class);
		failures.put(new UnversionedDatabaseException("goose_db_version", List.of("customers")),
				UnversionedDatabaseFailureAnalyzer.class);
		failures.put(new ValidationException(changed), ValidationFailureAnalyzer.class);
		assertThat(failures.values()).containsExactlyInAnyOrderElementsOf(OURS);

		failures.forEach((failure, expected) -> {
			// As Spring Boot does: the first analyzer, in registration order, that
			// returns an analysis wins.
			Exception wrapped = new IllegalStateException("Failed to execute ApplicationRunner", failure);
			FailureAnalyzer first = analyzers.stream()
				.filter((analyzer) -> analyzer.analyze(wrapped) != null)
				.findFirst()
				.orElseThrow(() -> new AssertionError("No analyzer for " + failure.getClass().getSimpleName()));
			assertThat(first).as(failure.getClass().getSimpleName()).isInstanceOf(expected);
			assertThat(first.analyze(wrapped).getCause()).isSameAs(failure);
			// An application with only the starter has no migrate command: every way out
			// is a property.
			assertThat(first.analyze(wrapped).getAction()).as(failure.getClass().getSimpleName())
				.doesNotContain("'migrate ");
		});
	}

}
