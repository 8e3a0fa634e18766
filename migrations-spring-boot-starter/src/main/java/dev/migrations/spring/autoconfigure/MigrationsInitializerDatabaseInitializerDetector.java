package dev.migrations.spring.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/** A {@link DatabaseInitializerDetector} for {@link MigrationsInitializer}. */
public final class MigrationsInitializerDatabaseInitializerDetector
		extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrationsInitializer.class);
	}

}
