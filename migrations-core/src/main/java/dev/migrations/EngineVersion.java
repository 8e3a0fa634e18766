package dev.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this engine, as the build wrote it: recorded in the metadata table, and
 * what {@code migrate --version} reports.
 */
public final class EngineVersion {

	private static final String VERSION = load();

	private EngineVersion() {
	}

	/**
	 * The version, or {@code unknown} when the build wrote none.
	 * @return the version
	 */
	public static String current() {
		return VERSION;
	}

	private static String load() {
		try (InputStream in = EngineVersion.class.getResourceAsStream("/dev/migrations/engine.properties")) {
			if (in == null) {
				return "unknown";
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
