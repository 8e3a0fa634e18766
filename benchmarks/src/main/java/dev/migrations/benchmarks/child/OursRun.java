package dev.migrations.benchmarks.child;

import java.nio.file.Path;

import dev.migrations.Migrator;

/**
 * This engine on goose files, with its defaults (validation before {@code up} included).
 */
final class OursRun implements ToolRun {

	@Override
	public void migrate(String url, Path files, int count) {
		Migrator.builder().dataSource(DataSources.forUrl(url)).locations("filesystem:" + files).build().up();
	}

}
