package dev.migrations.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.migrations.LintFinding;
import dev.migrations.MigrateResult;
import dev.migrations.MigrationConfigurationException;
import dev.migrations.MigrationFileSet;
import dev.migrations.MigrationException;
import dev.migrations.MigrationListener;
import dev.migrations.MigrationResult;
import dev.migrations.Migrator;
import dev.migrations.MigratorOption;
import dev.migrations.Redaction;
import dev.migrations.ValidationReport;
import dev.migrations.VerifyResult;
import dev.migrations.files.CreatedMigration;
import dev.migrations.files.FixResult;
import dev.migrations.files.MigrationFiles;
import dev.migrations.files.Versioning;

/**
 * The {@code migrate} command line: parses the arguments, builds a {@link Migrator} and
 * runs one command. Exit status 0 on success, 1 when a migration, a check or the database
 * fails (one line on standard error), 2 for a usage error (with the usage text). Never
 * prints a stack trace for an expected failure, nor the database password.
 */
public final class MigrateCommand {

	/**
	 * Held, so that the level set on it stays: java.util.logging keeps its loggers
	 * weakly.
	 */
	private static final java.util.logging.Logger DRIVER_LOGS = java.util.logging.Logger.getLogger("org.postgresql");

	/** Environment variable holding the database password. */
	public static final String PASSWORD_VARIABLE = "MIGRATIONS_DB_PASSWORD";

	private final Defaults defaults;

	private final PrintStream out;

	private final PrintStream err;

	private final Map<String, String> environment;

	/**
	 * Creates the command.
	 * @param defaults what applies when an option is not given (an application's own
	 * database and migrations)
	 * @param out where results go
	 * @param err where errors go
	 * @param environment the process environment (the password, and goose's ENVSUB
	 * variables)
	 */
	public MigrateCommand(Defaults defaults, PrintStream out, PrintStream err, Map<String, String> environment) {
		this.defaults = defaults;
		this.out = out;
		this.err = err;
		this.environment = Map.copyOf(environment);
	}

	/**
	 * Runs {@code migrate} with no defaults: {@code --db} and {@code --dir} are required.
	 * @param args the arguments after {@code migrate}
	 */
	public static void main(String[] args) {
		// pgjdbc logs through java.util.logging, which would print its own two-line
		// records among the command's; what
		// it warns about comes back as the error the command reports.
		DRIVER_LOGS.setLevel(java.util.logging.Level.OFF);
		int status = new MigrateCommand(Defaults.NONE, System.out, System.err, System.getenv()).run(args);
		System.exit(status);
	}

	/**
	 * Runs one command. Unless SQLite's driver was given a library path already, it is
	 * pointed at the user's cached copy of its native library (see
	 * {@link SqliteNativeLibrary}), which takes effect where no SQLite connection was
	 * opened in this process yet: the standalone jar and an application's {@code migrate}
	 * entry alike.
	 * @param args the arguments after {@code migrate}
	 * @return the exit status
	 */
	public int run(String... args) {
		SqliteNativeLibrary.useCachedCopy(this.environment);
		Redaction redaction = redaction(args);
		Optional<String> help = CommandLineModel.helpRequested(List.of(args));
		if (help.isPresent()) {
			this.out.print(help.get());
			return 0;
		}
		if (args.length == 1 && args[0].equals(CommandLineModel.COMPLETION)) {
			this.out.print(CommandLineModel.completionScript());
			return 0;
		}
		try {
			return execute(Arguments.parse(List.of(args)));
		}
		catch (UsageException ex) {
			this.err.println("migrate: " + redaction.apply(ex.getMessage()));
			this.err.print(CommandLineModel.usage(ex.command()));
			return 2;
		}
		catch (MigrationException ex) {
			this.err.println("migrate: " + redaction.apply(oneLine(ex.getMessage())));
			String hint = Hints.of(ex);
			if (hint != null) {
				this.err.println("migrate: hint: " + redaction.apply(hint));
			}
			return 1;
		}
		catch (RuntimeException ex) {
			this.err.println("migrate: unexpected error: " + redaction.apply(oneLine(String.valueOf(ex))));
			return 1;
		}
	}

	/**
	 * What hides the credentials of every database this run may name, before its
	 * arguments are even read: a message about a bad argument must not show them either.
	 */
	private Redaction redaction(String... args) {
		String password = this.environment.get(PASSWORD_VARIABLE);
		Redaction redaction = Redaction.forConnection(this.defaults.db(), this.defaults.password())
			.and(Redaction.forConnection(null, password));
		for (int i = 0; i < args.length; i++) {
			String db = args[i].startsWith("--db=") ? args[i].substring("--db=".length())
					: (args[i].equals("--db") && i + 1 < args.length) ? args[i + 1] : null;
			if (db != null) {
				redaction = redaction.and(Database.of(db, null, password).redaction());
			}
		}
		return redaction;
	}

	private int execute(Arguments arguments) {
		List<String> locations = (arguments.value("--dir") != null) ? List.of(arguments.value("--dir"))
				: this.defaults.locations();
		if (locations.isEmpty()) {
			throw new UsageException("no migrations directory given: pass --dir <directory>");
		}
		if (arguments.command().equals("create")) {
			return create(arguments, locations.get(0));
		}
		if (arguments.command().equals("fix") && arguments.value("--db") == null) {
			// Files only: without --db, no database is opened (nor created), and none is
			// asked which versions it holds.
			FixResult fix = MigrationFiles.fix(directory(locations.get(0).replace("{vendor}", vendorOf(null)), "fix"),
					Set.of());
			print(arguments, Report.fixJson(fix), Report.fixText(fix));
			return 0;
		}
		if (arguments.command().equals("validate") && arguments.flag("--offline")) {
			return validateOffline(arguments, locations);
		}
		if (arguments.command().equals("lint")) {
			return lint(arguments, locations);
		}
		Database database = database(arguments);
		List<String> resolved = locations.stream()
			.map((location) -> location.replace("{vendor}", database.vendor()))
			.toList();
		Migrator migrator = build(arguments, database, resolved);
		switch (arguments.command()) {
			case "fix" -> {
				FixResult fix = MigrationFiles.fix(directory(resolved.get(0), "fix"),
						MigrationFiles.appliedVersions(migrator.status()));
				print(arguments, Report.fixJson(fix), Report.fixText(fix));
			}
			case "status" -> {
				var status = migrator.status();
				print(arguments, Report.statusJson(status), Report.statusText(status));
			}
			case "version" -> {
				var version = migrator.version();
				print(arguments, Report.versionJson(version), Report.versionText(version));
			}
			case "force" -> {
				var version = migrator.force(arguments.version());
				print(arguments, Report.versionJson(version), Report.versionText(version));
			}
			case "baseline" -> {
				var version = migrator.baseline(arguments.version());
				print(arguments, Report.versionJson(version),
						"Baselined: versions up to " + version.version() + " are marked applied; nothing ran.");
			}
			case "repair" -> {
				var repair = migrator.repair();
				print(arguments, Report.repairJson(repair), Report.repairText(repair));
			}
			case "validate" -> {
				warn(migrator.lint());
				ValidationReport report = migrator.validate();
				print(arguments, Report.validationJson(report),
						Report.validationText(report, migrator.migrations().size()));
				return report.isValid() ? 0 : 1;
			}
			case "verify" -> {
				VerifyResult verified = migrator.verify();
				print(arguments, Report.verifyJson(verified),
						"Verified " + verified.count() + ((verified.count() == 1) ? " migration" : " migrations")
								+ " in " + verified.duration().toMillis()
								+ " ms: each Down undoes its Up, and all are applied again.");
			}
			case "plan" -> {
				warn(migrator.lint());
				var plan = migrator.plan(arguments.planned());
				print(arguments, Report.planJson(plan), Report.planText(plan));
			}
			default -> {
				MigrateResult result = migrator.run(arguments.operation());
				print(arguments, Report.migrateJson(result), Report.migrateText(result));
			}
		}
		return 0;
	}

	/**
	 * {@code validate --offline} reads files only: no database is opened, even when
	 * {@code --db} names one, which only says what {@code {vendor}} stands for.
	 */
	private int validateOffline(Arguments arguments, List<String> locations) {
		String vendor = vendorOf(arguments.value("--db"));
		List<String> resolved = locations.stream().map((location) -> location.replace("{vendor}", vendor)).toList();
		MigrationFileSet files = configure(arguments, resolved).buildFiles();
		if (vendor.equals("postgresql")) {
			warn(files.lint());
		}
		ValidationReport report = files.validate();
		print(arguments, Report.validationJson(report), Report.validationText(report, files.migrations().size()));
		return report.isValid() ? 0 : 1;
	}

	/**
	 * {@code lint} reads files only, like {@code validate --offline}: all of them, or the
	 * ones named (the files a branch adds). Exit 1 when it finds anything, for CI.
	 */
	private int lint(Arguments arguments, List<String> locations) {
		String vendor = vendorOf(arguments.value("--db"));
		List<String> resolved = locations.stream().map((location) -> location.replace("{vendor}", vendor)).toList();
		MigrationFileSet files = configure(arguments, resolved).buildFiles();
		List<LintFinding> findings = arguments.operands().isEmpty() ? files.lint() : files.lint(arguments.operands());
		int linted = arguments.operands().isEmpty() ? files.migrations().size() : arguments.operands().size();
		print(arguments, Report.lintJson(findings), Report.lintText(findings, linted));
		return findings.isEmpty() ? 0 : 1;
	}

	/** {@code create} writes files and needs no database. */
	private int create(Arguments arguments, String location) {
		String vendor = vendorOf(arguments.value("--db"));
		Versioning versioning = arguments.flag("--timestamp") ? Versioning.TIMESTAMP : Versioning.SEQUENTIAL;
		CreatedMigration created = MigrationFiles.create(directory(location.replace("{vendor}", vendor), "create"),
				arguments.operands().get(0), arguments.format(), versioning, Clock.systemUTC());
		print(arguments, Report.createdJson(created), Report.createdText(created));
		return 0;
	}

	/**
	 * The vendor {@code {vendor}} stands for, from the URL alone: the given database, or
	 * the application's.
	 */
	private String vendorOf(String db) {
		String url = (db != null) ? db : this.defaults.db();
		return (url != null) ? Database.of(url, null, null).vendor() : "sqlite";
	}

	private static Path directory(String location, String command) {
		if (location.startsWith("classpath:")) {
			throw new UsageException(
					command + " writes files, so --dir must name a directory on disk, not " + location);
		}
		return Path.of(location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location);
	}

	private Database database(Arguments arguments) {
		String db = (arguments.value("--db") != null) ? arguments.value("--db") : this.defaults.db();
		if (db == null) {
			throw new UsageException("no database given: pass --db <jdbc-url or path of a SQLite file>");
		}
		boolean ownDatabase = arguments.value("--db") == null;
		String user = (arguments.value("--user") != null) ? arguments.value("--user")
				: (ownDatabase ? this.defaults.user() : null);
		String password = this.environment.get(PASSWORD_VARIABLE);
		if (password == null && ownDatabase) {
			password = this.defaults.password();
		}
		return Database.of(db, user, password);
	}

	/**
	 * The application's configuration first (when it gives one), then whatever the
	 * command line says.
	 */
	private Migrator build(Arguments arguments, Database database, List<String> locations) {
		Migrator.Builder builder = configure(arguments, locations).dataSource(database);
		try {
			return builder.build();
		}
		catch (MigrationConfigurationException ex) {
			// A value given on the command line that the engine refuses (a table name
			// that is not an identifier) is a usage error, named by its flag as the
			// catalogue of options gives it.
			String flag = ex.setting().flatMap(MigratorOption::flag).orElse(null);
			if (flag != null && (arguments.value(flag) != null || arguments.flag(flag))) {
				throw new UsageException(flag + ": " + ex.getMessage(), arguments.command());
			}
			throw ex;
		}
	}

	/** Every option but the database: the application's, then the command line's. */
	private Migrator.Builder configure(Arguments arguments, List<String> locations) {
		Migrator.Builder builder = Migrator.builder();
		this.defaults.configuration().accept(builder);
		builder.locations(locations.toArray(String[]::new)).environment(this.environment);
		if (arguments.value("--format") != null) {
			builder.format(arguments.format());
		}
		if (arguments.value("--validation") != null) {
			builder.validation(arguments.validation());
		}
		if (arguments.value("--out-of-order") != null) {
			builder.outOfOrder(arguments.outOfOrder());
		}
		if (!arguments.placeholders().isEmpty()) {
			Map<String, String> placeholders = new LinkedHashMap<>(this.defaults.placeholders());
			placeholders.putAll(arguments.placeholders());
			builder.placeholders(placeholders);
		}
		if (!arguments.json()) {
			builder.listener(new MigrationListener() {

				@Override
				public void afterMigration(MigrationResult result) {
					MigrateCommand.this.out.println(result);
				}

			});
		}
		if (arguments.value("--table") != null) {
			builder.table(arguments.value("--table"));
		}
		if (arguments.value("--meta-table") != null) {
			builder.metadataTable(arguments.value("--meta-table"));
		}
		if (arguments.lockTimeout() != null) {
			builder.lockTimeout(arguments.lockTimeout());
		}
		if (arguments.tableLockTimeout() != null) {
			builder.tableLockTimeout(arguments.tableLockTimeout());
		}
		if (arguments.connectRetries() != null) {
			builder.connectRetries(arguments.connectRetries());
		}
		if (arguments.connectRetriesInterval() != null) {
			builder.connectRetriesInterval(arguments.connectRetriesInterval());
		}
		if (arguments.flag("--baseline-on-migrate")) {
			builder.baselineOnMigrate(true);
		}
		if (arguments.baselineVersion() != null) {
			builder.baselineVersion(arguments.baselineVersion());
		}
		if (arguments.flag("--backup")) {
			builder.backup(true);
			if (arguments.value("--backup-dir") != null) {
				builder.backupDirectory(Path.of(arguments.value("--backup-dir")));
			}
			if (arguments.backupKeep() != null) {
				builder.backupKeep(arguments.backupKeep());
			}
		}
		return builder;
	}

	/** Lint findings, as warnings on standard error, where they never mix with JSON. */
	private void warn(List<LintFinding> findings) {
		for (LintFinding finding : findings) {
			this.err.println("migrate: " + finding);
		}
	}

	private void print(Arguments arguments, String json, String text) {
		this.out.println(arguments.json() ? json : text.stripTrailing());
	}

	private static String oneLine(String message) {
		return (message != null) ? message.replaceAll("\\s*\\R\\s*", " ").strip() : "no message";
	}

	/**
	 * What applies when an option is not given: the embedding application's database,
	 * migrations and engine settings.
	 *
	 * @param db the JDBC URL or SQLite path, or {@code null} to require {@code --db}
	 * @param user the database user, or {@code null}
	 * @param password the database password, or {@code null}
	 * @param locations the migrations locations (may hold {@code {vendor}}); empty to
	 * require {@code --dir}
	 * @param placeholders placeholder values the application configures, which
	 * {@code --placeholder} extends
	 * @param configuration applies the application's other settings (table, format,
	 * policies) to the builder before the command line's options
	 */
	public record Defaults(String db, String user, String password, List<String> locations,
			Map<String, String> placeholders, Consumer<Migrator.Builder> configuration) {

		/** No defaults: {@code --db} and {@code --dir} are required. */
		public static final Defaults NONE = new Defaults(null, null, null, List.of(), Map.of(), (builder) -> {
		});

		public Defaults {
			locations = List.copyOf(locations);
			placeholders = Map.copyOf(placeholders);
		}

		/**
		 * Defaults naming only a database and a location.
		 * @param db the JDBC URL or SQLite path
		 * @param location the migrations location
		 * @return the defaults
		 */
		public static Defaults of(String db, String location) {
			return new Defaults(db, null, null, List.of(location), Map.of(), NONE.configuration());
		}

		@Override
		public String toString() {
			return "Defaults[db=" + Redaction.forConnection(this.db, this.password).apply(this.db) + ", user="
					+ this.user + ", locations=" + this.locations + "]";
		}

	}

}
