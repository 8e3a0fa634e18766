package dev.migrations.benchmarks.child;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.Locale;

import dev.migrations.benchmarks.Tool;

/**
 * The child process: one tool's migrate call in a fresh JVM, timed around the call alone,
 * reported on stdout as {@code TIMING ms=…}. The database's URL comes from
 * {@value #URL_VARIABLE}, so that it is never on a command line.
 *
 * <pre>
 * ChildMain migrate &lt;tool&gt; &lt;files&gt; &lt;count&gt;
 * ChildMain parse &lt;goose files&gt;
 * ChildMain version
 * </pre>
 *
 * {@code version} is the floor of the cli workload: it opens the connection, reads the
 * goose version and prints it, nothing else.
 */
public final class ChildMain {

	/** The environment variable that carries the database's JDBC URL. */
	public static final String URL_VARIABLE = "BENCH_JDBC_URL";

	private ChildMain() {
	}

	/**
	 * Runs one measurement; exits 1 with the failure on stderr when the tool fails.
	 * @param args the command, as above
	 */
	public static void main(String[] args) {
		try {
			String url = System.getenv(URL_VARIABLE);
			if (url == null) {
				throw new IllegalArgumentException(URL_VARIABLE + " is not set");
			}
			switch (args[0]) {
				case "migrate" -> migrate(Tool.of(args[1]), url, Path.of(args[2]), Integer.parseInt(args[3]));
				case "parse" -> ParseRun.run(Path.of(args[1]), url);
				case "version" -> version(url);
				default -> throw new IllegalArgumentException("Unknown child command " + args[0]);
			}
		}
		catch (Throwable failure) {
			failure.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	private static void version(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet version = statement.executeQuery("SELECT max(version_id) FROM goose_db_version")) {
			version.next();
			System.out.println("version " + version.getLong(1));
		}
	}

	private static void migrate(Tool tool, String url, Path files, int count) throws Exception {
		ToolRun run = switch (tool) {
			case OURS -> new OursRun();
			case FLYWAY -> new FlywayRun();
			case LIQUIBASE -> {
				LiquibaseRun.configure();
				yield new LiquibaseRun();
			}
			case RAW -> new RawRun();
		};
		loadDriver(url);
		long start = System.nanoTime();
		run.migrate(url, files, count);
		double ms = (System.nanoTime() - start) / 1e6;
		System.out.println(String.format(Locale.ROOT, "TIMING ms=%.3f", ms));
	}

	/**
	 * Loads the JDBC driver before the timer starts: every tool pays it once per JVM, and
	 * sqlite-jdbc's first connection unpacks and loads its native library, which took a
	 * few hundred milliseconds here and would drown what the tools themselves do. The
	 * whole-process time still includes it.
	 */
	private static void loadDriver(String url) throws SQLException {
		if (url.startsWith("jdbc:sqlite:")) {
			DriverManager.getConnection("jdbc:sqlite::memory:").close();
		}
		else {
			DriverManager.getDriver(url);
		}
	}

}
