package dev.migrations.source;

import java.io.IOException;
import java.util.Objects;

/** One file of a migration source: its name, where it came from, and a way to read it. */
public interface MigrationResource {

	/**
	 * The file name, which carries the version: {@code 00003_add_cache_hit_count.sql}.
	 */
	String name();

	/**
	 * Where the file is, as shown in messages: a path, or
	 * {@code classpath:db/migrations/00003_x.sql}.
	 */
	String location();

	/**
	 * Reads the whole file.
	 * @return the file's bytes
	 * @throws IOException if it cannot be read
	 */
	byte[] read() throws IOException;

	/**
	 * Creates a resource from a name, a location and a reader, for sources the engine
	 * does not discover itself (Spring's resource resolver, an archive, generated files).
	 * @param name the file name
	 * @param location where the file is, for messages
	 * @param reader reads the file's bytes
	 * @return the resource
	 */
	static MigrationResource of(String name, String location, Reader reader) {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(reader, "reader");
		return new MigrationResource() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public String location() {
				return location;
			}

			@Override
			public byte[] read() throws IOException {
				return reader.read();
			}

			@Override
			public String toString() {
				return location;
			}

		};
	}

	/** Reads a resource's bytes. */
	@FunctionalInterface
	interface Reader {

		/**
		 * Reads the bytes.
		 * @return the bytes
		 * @throws IOException if they cannot be read
		 */
		byte[] read() throws IOException;

	}

}
