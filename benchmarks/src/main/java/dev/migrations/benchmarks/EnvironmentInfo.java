package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import liquibase.util.LiquibaseUtil;
import org.postgresql.util.DriverInfo;

/**
 * The versions and the machine a run measured, printed above the results so that they
 * travel with them.
 */
final class EnvironmentInfo {

	private EnvironmentInfo() {
	}

	/**
	 * The environment's lines.
	 * @param postgresVersion the server's version, or why it is not used
	 * @return markdown list items
	 */
	static List<String> lines(String postgresVersion) {
		List<String> lines = new ArrayList<>();
		lines.add("- Java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
				+ System.getProperty("java.vendor") + ")");
		lines.add("- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch") + "; cores: " + Runtime.getRuntime().availableProcessors()
				+ "; memory: " + memory() + "; load average at start: " + loadAverage());
		lines.add("- migrations-core " + artifact("dev.migrations", "migrations-core") + "; Flyway "
				+ artifact("org.flywaydb", "flyway-core") + "; Liquibase " + LiquibaseUtil.getBuildVersion()
				+ "; sqlite-jdbc " + artifact("org.xerial", "sqlite-jdbc") + "; PostgreSQL JDBC "
				+ DriverInfo.DRIVER_VERSION);
		lines.add("- PostgreSQL server: " + postgresVersion);
		return lines;
	}

	private static String memory() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return String.format(Locale.ROOT, "%.1f GB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
		}
		return "unknown";
	}

	/**
	 * Other work on the machine distorts every figure; the load average at start shows
	 * whether there was any.
	 */
	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return (load < 0) ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
	}

	/**
	 * A dependency's version from the {@code pom.properties} its jar carries (the shaded
	 * jar keeps them).
	 */
	static String artifact(String group, String artifact) {
		String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
		try (InputStream in = EnvironmentInfo.class.getClassLoader().getResourceAsStream(resource)) {
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
