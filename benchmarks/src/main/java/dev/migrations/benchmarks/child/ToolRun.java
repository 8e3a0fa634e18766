package dev.migrations.benchmarks.child;

import java.nio.file.Path;

/**
 * One tool's migrate call, as a user's application makes it: build the tool's object,
 * connect, apply whatever is pending. The child process times exactly this.
 */
interface ToolRun {

	/**
	 * Migrates a database to the latest version.
	 * @param url the database's JDBC URL
	 * @param files the directory of the tool's migration files
	 * @param count how many migrations there are
	 * @throws Exception whatever the tool throws; the child reports it and exits non-zero
	 */
	void migrate(String url, Path files, int count) throws Exception;

}
