package dev.migrations.spring.autoconfigure;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;

import dev.migrations.MigrationException;
import dev.migrations.Redaction;

/**
 * Analyzes a database failure while the context started, when a bean had used the
 * database before the startup migrations ran because
 * {@code migrations.run-as=application-runner} kept them for after the context started:
 * the table it wanted may be one those migrations create. Other analyzers explain
 * failures of the migrations themselves.
 */
final class MigrationsNotYetRunFailureAnalyzer implements FailureAnalyzer {

	/** Exceptions of JPA and Hibernate, which the starter does not depend on, by name. */
	private static final String[] PERSISTENCE_FAILURES = { "jakarta.persistence.PersistenceException",
			"org.hibernate.HibernateException" };

	private final BeanFactory beanFactory;

	private final Environment environment;

	MigrationsNotYetRunFailureAnalyzer(BeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		Throwable databaseFailure = databaseFailure(failure);
		if (this.beanFactory == null || databaseFailure == null) {
			return null;
		}
		return EarlyDatabaseUse.observed(this.beanFactory)
			.map((seen) -> analysis(failure, databaseFailure, seen, redaction(seen)))
			.orElse(null);
	}

	/**
	 * Driver and pool messages can quote the URL; this knows the secrets of the
	 * DataSource that was used and those configured in {@code spring.datasource.*}.
	 */
	private Redaction redaction(EarlyDatabaseUse.Observation seen) {
		Redaction configured = (this.environment != null)
				? Redaction.forConnection(this.environment.getProperty("spring.datasource.url"),
						this.environment.getProperty("spring.datasource.password"))
				: Redaction.PATTERNS;
		try {
			return configured
				.and(Redaction.forDataSource(this.beanFactory.getBean(seen.dataSource(), DataSource.class)));
		}
		catch (BeansException ex) {
			return configured;
		}
	}

	private static FailureAnalysis analysis(Throwable failure, Throwable databaseFailure,
			EarlyDatabaseUse.Observation seen, Redaction redaction) {
		int count = seen.pending().size();
		String description = "The application failed on the database while the context was starting, before the"
				+ " startup migrations had run: " + seen.asking() + " used DataSource '" + seen.dataSource()
				+ "' while " + ((count == 1) ? "version " : "versions ") + seen.pending()
				+ ((count == 1) ? " was" : " were") + " still pending, because migrations.run-as=application-runner"
				+ " applies them only after the context has started. If the error names a missing table or relation,"
				+ " it may be one those migrations create.\n\n    Error: "
				+ oneLine(redaction.apply(databaseFailure.getMessage()));
		String action = "Set migrations.run-as=auto (the default), which runs the migrations before a bean first uses"
				+ " the database, or migrations.run-as=initializer. To keep application-runner (liveness during a long"
				+ " migration, 503 until it is done), move that bean's first query out of startup: into an"
				+ " ApplicationRunner, or a listener of MigrationsFinishedEvent.";
		return new FailureAnalysis(description, action, failure);
	}

	private static String oneLine(String message) {
		return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
	}

	/**
	 * The innermost failure of the database or of JPA in the chain, or {@code null}; none
	 * for our own failures.
	 */
	private static Throwable databaseFailure(Throwable failure) {
		Throwable found = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrationException) {
				return null;
			}
			if (cause instanceof SQLException || cause instanceof DataAccessException || isPersistenceFailure(cause)) {
				found = cause;
			}
		}
		return found;
	}

	private static boolean isPersistenceFailure(Throwable failure) {
		for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
			for (String name : PERSISTENCE_FAILURES) {
				if (type.getName().equals(name)) {
					return true;
				}
			}
		}
		return false;
	}

}
