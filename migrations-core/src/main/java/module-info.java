/**
 * The migration engine. Only its API packages are exported: {@code dev.migrations}, the
 * sources of migration files, and the file commands ({@code files}); the file formats,
 * the parser, the dialects, the version tables, the locks and the commands' internals are
 * the engine's own.
 */
module dev.migrations.core {

	requires transitive java.sql;
	requires org.slf4j;

	exports dev.migrations;
	exports dev.migrations.source;
	exports dev.migrations.files;

}
