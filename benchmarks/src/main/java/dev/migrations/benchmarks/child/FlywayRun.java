package dev.migrations.benchmarks.child;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;

/** Flyway on {@code V1__…} files, with its defaults (validation on migrate included). */
final class FlywayRun implements ToolRun {

	@Override
	public void migrate(String url, Path files, int count) {
		Flyway.configure().dataSource(url, null, null).locations("filesystem:" + files).load().migrate();
	}

}
