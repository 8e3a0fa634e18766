package dev.migrations.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.bridge.SLF4JBridgeHandler;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

import dev.migrations.Redaction;
import dev.migrations.spring.cli.ApplicationMigrateCommand;

/**
 * {@code java -jar sample-app.jar setup}: prepares a new installation, as the Go proxy's
 * {@code llm-proxy setup} did. It reads the application's configuration (or
 * {@code --db}), creates the SQLite database's directory, applies the pending migrations
 * (which creates the SQLite file, or proves the PostgreSQL connection), and prints where
 * the database is and how to start the server. Unattended: flags and environment
 * variables only. A database made before migrations is refused with the ways out, or
 * adopted with {@code --baseline-version V}; a second run applies nothing and changes
 * nothing. Exit 0 on success; 1 with one line on standard error on failure; 2 for a bad
 * command line.
 */
final class SetupMode {

	static final String USAGE = String.join("\n", "usage: java -jar sample-app.jar setup [options]", "",
			"Prepares a new installation: creates the SQLite database's directory (or checks the connection),",
			"applies the pending migrations and says how to start the server.", "", "options:",
			"  --db <url|file>             the database (default: the application's, spring.datasource.url)",
			"  --dir <directory>           the migrations (default: the application's own)",
			"  --baseline-version <V>      adopt a database made before migrations, whose schema is version V",
			"                              (6 for the proxy's hand-written schema): marks 1..V applied, runs the rest",
			"  --help                      this text", "");

	private static final Pattern FINAL_VERSION = Pattern.compile("(?:version|to) (\\d+)\\.\\s*$");

	private static final String SQLITE_PREFIX = "jdbc:sqlite:";

	private final PrintStream out;

	private final PrintStream err;

	private final Map<String, String> environment;

	SetupMode(PrintStream out, PrintStream err, Map<String, String> environment) {
		this.out = out;
		this.err = err;
		this.environment = environment;
	}

	static int run(String[] args) {
		MigrateLogging.configure();
		SLF4JBridgeHandler.removeHandlersForRootLogger();
		SLF4JBridgeHandler.install();
		return new SetupMode(System.out, System.err, System.getenv()).setUp(List.of(args));
	}

	/**
	 * The command line: options with values, as {@code --name value} or
	 * {@code --name=value}.
	 */
	private record Options(String db, String dir, String baselineVersion, boolean help) {

		static Options parse(List<String> args) {
			String db = null;
			String dir = null;
			String baseline = null;
			boolean help = false;
			for (int i = 0; i < args.size(); i++) {
				String arg = args.get(i);
				if (arg.equals("--help") || arg.equals("-h")) {
					help = true;
					continue;
				}
				String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
				if (!List.of("--db", "--dir", "--baseline-version").contains(name)) {
					throw new IllegalArgumentException(
							arg.startsWith("-") ? "unknown option " + name : "unexpected argument '" + arg + "'");
				}
				String value;
				if (arg.contains("=")) {
					value = arg.substring(arg.indexOf('=') + 1);
				}
				else if (i + 1 < args.size()) {
					value = args.get(++i);
				}
				else {
					throw new IllegalArgumentException(name + " needs a value");
				}
				switch (name) {
					case "--db" -> db = value;
					case "--dir" -> dir = value;
					default -> {
						if (!value.matches("[0-9]+")) {
							throw new IllegalArgumentException(
									"--baseline-version needs a version number, not '" + value + "'");
						}
						baseline = value;
					}
				}
			}
			return new Options(db, dir, baseline, help);
		}

	}

	int setUp(List<String> args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			this.err.println("setup: " + ex.getMessage());
			this.err.print(USAGE);
			return 2;
		}
		if (options.help()) {
			this.out.print(USAGE);
			return 0;
		}
		ConfigurableEnvironment configuration;
		try {
			configuration = ApplicationMigrateCommand.configuration();
		}
		catch (RuntimeException ex) {
			this.err.println("setup: failed: the application's configuration cannot be read: " + oneLine(ex));
			return 1;
		}
		String url = (options.db() != null) ? options.db() : applicationUrl(configuration);
		if (url == null) {
			this.err.println("setup: failed: no database configured: pass --db, or set SPRING_DATASOURCE_URL");
			return 1;
		}
		Optional<Path> sqliteFile = sqliteFile(url);
		try {
			// SQLite creates a missing file, not a missing directory.
			sqliteFile.ifPresent(SqliteDirectory::createParent);
		}
		catch (RuntimeException ex) {
			this.err.println("setup: failed: " + oneLine(ex));
			return 1;
		}
		String where = sqliteFile.map((file) -> "the SQLite database " + file.toAbsolutePath().normalize())
			.orElseGet(() -> "the database " + Redaction.credentials(url));
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status;
		try (PrintStream capturedErr = new PrintStream(errors, true, StandardCharsets.UTF_8);
				PrintStream capturedOut = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			status = ApplicationMigrateCommand.run(upArguments(options).toArray(String[]::new), this.environment,
					configuration, capturedOut, capturedErr);
		}
		String printed = output.toString(StandardCharsets.UTF_8);
		this.out.print(printed);
		if (status != 0) {
			this.err.println("setup: failed on " + where + ": " + failure(errors.toString(StandardCharsets.UTF_8)));
			return 1;
		}
		Matcher version = FINAL_VERSION.matcher(printed.strip());
		this.out.println("Setup complete: " + where + " is at version "
				+ (version.find() ? version.group(1) : "the latest") + ".");
		this.out.println("Start the server: java -jar sample-app.jar"
				+ ((options.db() != null) ? " --spring.datasource.url=" + Redaction.credentials(jdbcUrl(url)) : ""));
		return 0;
	}

	private static List<String> upArguments(Options options) {
		List<String> up = new ArrayList<>(List.of("up"));
		if (options.db() != null) {
			up.addAll(List.of("--db", options.db()));
		}
		if (options.dir() != null) {
			up.addAll(List.of("--dir", options.dir()));
		}
		if (options.baselineVersion() != null) {
			up.addAll(List.of("--baseline-on-migrate", "--baseline-version", options.baselineVersion()));
		}
		return up;
	}

	/**
	 * The migrate command's error, and its hint, in setup's words: what happened, what is
	 * left, and what to run.
	 */
	private static String failure(String migrateErrors) {
		List<String> lines = migrateErrors.lines()
			.map((line) -> line.startsWith("migrate: ") ? line.substring("migrate: ".length()) : line)
			.toList();
		String message = lines.stream().filter((line) -> !line.startsWith("hint: ")).findFirst().orElse("unknown");
		String hint = lines.stream().filter((line) -> line.startsWith("hint: ")).findFirst().orElse("");
		String advice;
		if (hint.contains("--baseline-version")) {
			// The engine's first sentence says what it found; setup says what to do.
			int end = message.indexOf(". ");
			message = (end > 0) ? message.substring(0, end) : message;
			advice = "it was made before migrations: if its schema is the proxy's hand-written one, run"
					+ " 'java -jar sample-app.jar setup --baseline-version 6' (take a copy first); if it matches"
					+ " another version V, '--baseline-version V'; nothing was changed";
		}
		else if (message.startsWith("Failed connecting")) {
			advice = "check the URL, the credentials and that the server is up, then run setup again; nothing was"
					+ " changed";
		}
		else {
			advice = "the migrations applied before it stay applied; fix the cause and run"
					+ " 'java -jar sample-app.jar migrate up', or setup again"
					+ (hint.isEmpty() ? "" : " (" + hint.substring("hint: ".length()) + ")");
		}
		return message.replaceAll("\\.$", "") + "; " + advice;
	}

	private static String applicationUrl(ConfigurableEnvironment configuration) {
		String own = configuration.getProperty("migrations.url");
		return StringUtils.hasText(own) ? own : configuration.getProperty("spring.datasource.url");
	}

	/**
	 * The SQLite file a {@code --db} value or URL names: a {@code jdbc:sqlite:} URL, or a
	 * plain file name as {@code migrate} takes it.
	 */
	private static Optional<Path> sqliteFile(String url) {
		if (url.startsWith("jdbc:") || url.contains("://")) {
			return SqliteDirectory.file(url);
		}
		return Optional.of(Path.of(url));
	}

	private static String jdbcUrl(String db) {
		return (db.startsWith("jdbc:") || db.contains("://")) ? db
				: SQLITE_PREFIX + Path.of(db).toAbsolutePath().normalize();
	}

	private static String oneLine(RuntimeException ex) {
		return String.valueOf(ex.getMessage()).lines().findFirst().orElse(ex.getClass().getSimpleName());
	}

}
