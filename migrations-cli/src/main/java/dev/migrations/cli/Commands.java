package dev.migrations.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;

import dev.migrations.MigratorOption;
import dev.migrations.cli.CommandLineModel.Option;

/**
 * Every command of {@code migrate}, with the operands and options it takes and the help
 * it prints.
 */
final class Commands {

	static final Option DB = new Option(flag(MigratorOption.DATA_SOURCE), "<jdbc-url or path>",
			"a JDBC URL, or the path of a SQLite file (created if absent)");

	static final Option USER = new Option("--user", "<name>",
			"database user (the password comes from MIGRATIONS_DB_PASSWORD)");

	static final Option CONNECT_RETRIES = new Option(flag(MigratorOption.CONNECT_RETRIES), "N",
			"connect again up to N times while the database is unreachable, waiting 1 s, then twice as long each time"
					+ " up to --connect-retries-interval");

	static final Option CONNECT_RETRIES_INTERVAL = new Option(flag(MigratorOption.CONNECT_RETRIES_INTERVAL),
			"<seconds>", "the longest wait between two connection attempts (default 120)");

	static final Option DIR = new Option(flag(MigratorOption.LOCATIONS), "<directory>",
			"migrations directory, or classpath:<path>");

	static final Option FORMAT = new Option(flag(MigratorOption.FORMAT), "auto|goose|golang-migrate",
			"the file format (default: detected from the names)");

	static final Option PLACEHOLDER = new Option(flag(MigratorOption.PLACEHOLDERS), "name=value",
			"for files that carry '-- migrations:placeholders' (repeatable); values of names holding password, secret,"
					+ " token, key or credential are never shown");

	static final Option TABLE = new Option(flag(MigratorOption.TABLE), "<name>",
			"version table (default goose_db_version / schema_migrations)");

	static final Option META_TABLE = new Option(flag(MigratorOption.METADATA_TABLE), "<name>",
			"metadata table (default: the version table's name + _meta)");

	static final Option LOCK_TIMEOUT = new Option(flag(MigratorOption.LOCK_TIMEOUT), "<seconds>",
			"how long to wait for another runner (default 600)");

	static final Option TABLE_LOCK_TIMEOUT = new Option(flag(MigratorOption.TABLE_LOCK_TIMEOUT), "<ms>",
			"how long a migration's statement waits for a table lock another session holds before the migration is"
					+ " rolled back and tried again, 3 attempts (PostgreSQL; default 4000, 0 waits as long as the"
					+ " database lets it)");

	static final Option VALIDATION = new Option(flag(MigratorOption.VALIDATION), "fail|warn|off",
			"what up does with changed or missing applied files (default fail)");

	static final Option OUT_OF_ORDER = new Option(flag(MigratorOption.OUT_OF_ORDER), "fail|apply|ignore",
			"what up does with pending versions below the current one (default fail)");

	static final Option BASELINE_ON_MIGRATE = new Option(flag(MigratorOption.BASELINE_ON_MIGRATE), null,
			"on a database made without migrations, mark versions up to --baseline-version applied first");

	static final Option BASELINE_VERSION = new Option(flag(MigratorOption.BASELINE_VERSION), "V",
			"the version --baseline-on-migrate marks applied");

	static final Option BACKUP = new Option(flag(MigratorOption.BACKUP), null,
			"back up a SQLite database before migrating");

	static final Option BACKUP_DIR = new Option(flag(MigratorOption.BACKUP_DIRECTORY), "D",
			"where --backup writes (default: beside the database)");

	static final Option BACKUP_KEEP = new Option(flag(MigratorOption.BACKUP_KEEP), "N",
			"how many backups --backup keeps (default 5)");

	static final Option JSON = new Option("--json", null, "print JSON");

	static final Option OFFLINE = new Option("--offline", null, "check the files only, without a database");

	static final Option SEQUENTIAL = new Option("--sequential", null,
			"number the new file after the last (the default)");

	static final Option TIMESTAMP = new Option("--timestamp", null, "version the new file with the current UTC time");

	/** Reading the database. */
	private static final List<Option> CONNECTED = List.of(DB, USER, DIR, FORMAT, TABLE, META_TABLE, PLACEHOLDER,
			CONNECT_RETRIES, CONNECT_RETRIES_INTERVAL);

	/** Changing it. */
	private static final List<Option> MOVING = concat(CONNECTED, LOCK_TIMEOUT, TABLE_LOCK_TIMEOUT, VALIDATION,
			OUT_OF_ORDER, BASELINE_ON_MIGRATE, BASELINE_VERSION, BACKUP, BACKUP_DIR, BACKUP_KEEP, JSON);

	/**
	 * What {@code plan} and {@code validate} take: what decides what {@code up} would do.
	 */
	private static final List<Option> DECIDING = concat(CONNECTED, VALIDATION, OUT_OF_ORDER, BASELINE_ON_MIGRATE,
			BASELINE_VERSION, JSON);

	static final Map<String, String> OPERAND_HELP = Map.of("V", "a version", "NAME", "what the migration does", "op",
			"the command to plan: up, up-by-one, up-to V, down, down-to V, redo or reset", "FILE...",
			"the migration files to lint (by default every one), as in $(git diff --name-only --diff-filter=A main)");

	static final Map<String, Command> ALL = all();

	private Commands() {
	}

	/** An engine option's flag, as the catalogue names it. */
	private static String flag(MigratorOption option) {
		return option.flag().orElseThrow();
	}

	private static Map<String, Command> all() {
		List<Command> commands = List.of(
				new Command("up", List.of(), false, "apply every pending migration", List.of(), MOVING),
				new Command("up-by-one", List.of(), false, "apply the next pending migration", List.of(), MOVING),
				new Command("up-to", List.of("V"), false, "apply pending migrations up to version V", List.of(),
						MOVING),
				new Command("down", List.of(), false, "roll back the most recently applied migration", List.of(),
						MOVING),
				new Command("down-to", List.of("V"), false,
						"roll back every migration above version V (down-to 0: all of them)", List.of(), MOVING),
				new Command("redo", List.of(), false, "roll back the most recent migration and apply it again",
						List.of(), MOVING),
				new Command("reset", List.of(), false, "roll back every applied migration", List.of(), MOVING),
				new Command("status", List.of(), false,
						"each migration: applied (when, how long), checksum mismatch, pending, out of order, missing",
						List.of(), concat(CONNECTED, JSON)),
				new Command("version", List.of(), false, "the current version", List.of(), concat(CONNECTED, JSON)),
				new Command("plan", List.of("op", "V"), true,
						"what up (or up-to V, down, down-to V, redo, reset) would run, statement by statement",
						List.of("(values of secret-looking placeholders and ENVSUB variables shown as ***)"), DECIDING),
				new Command("validate", List.of(), false,
						"changed, missing and out-of-order migrations and files that do not parse",
						List.of("(--offline: files only)"), concat(DECIDING, OFFLINE)),
				new Command("lint", List.of("FILE..."), true,
						"PostgreSQL statements that lock or rewrite live tables, or break running code; exit 1 if any",
						List.of("(files only, no database is opened; silence one statement with a comment before it,"
								+ " '-- lint-ignore: rule-id the reason')"),
						List.of(DB, DIR, FORMAT, PLACEHOLDER, JSON)),
				new Command("verify", List.of(), false,
						"on a scratch database: up, down to 0 and up again, checking each Down undoes its Up",
						List.of(), concat(CONNECTED, JSON)),
				new Command("baseline", List.of("V"), false,
						"mark versions up to V applied on a database made without migrations", List.of(),
						concat(CONNECTED, LOCK_TIMEOUT, JSON)),
				new Command("force", List.of("V"), false,
						"set golang-migrate's version to V and clear the dirty flag, running nothing", List.of(),
						concat(CONNECTED, LOCK_TIMEOUT, JSON)),
				new Command("repair", List.of(), false,
						"record current checksums after deliberate edits; drop metadata of versions whose files are gone",
						List.of(), concat(CONNECTED, LOCK_TIMEOUT, JSON)),
				new Command("create", List.of("NAME"), false,
						"write the next migration (--sequential, the default, or --timestamp)",
						List.of("(--db, if given, only says which database {vendor} in --dir stands for; it is not opened)"),
						List.of(DB, DIR, FORMAT, SEQUENTIAL, TIMESTAMP, JSON)),
				new Command("fix", List.of(), false,
						"renumber timestamp-versioned files sequentially (with --db, refused if one is applied there)",
						List.of("(without --db only the files are read; no database is opened)"),
						concat(List.of(DB, USER, DIR, FORMAT, TABLE, META_TABLE, CONNECT_RETRIES,
								CONNECT_RETRIES_INTERVAL), JSON)));
		Map<String, Command> all = new LinkedHashMap<>();
		commands.forEach((command) -> all.put(command.name(), command));
		return all;
	}

	private static List<Option> concat(List<Option> first, Option... more) {
		List<Option> all = new ArrayList<>(first);
		all.addAll(List.of(more));
		return List.copyOf(all);
	}

	private static List<Option> concat(List<Option> first, List<Option> more) {
		return concat(first, more.toArray(Option[]::new));
	}

	/**
	 * One command.
	 *
	 * @param name the command
	 * @param operands the labels of its operands
	 * @param optionalOperands whether the operands may be left out ({@code plan})
	 * @param summary one line on what it does
	 * @param details more lines for its own help
	 * @param options the options it takes
	 */
	record Command(String name, List<String> operands, boolean optionalOperands, String summary, List<String> details,
			List<Option> options) {

		/** The command as the help shows it, with its operands. */
		String synopsis() {
			if (this.operands.isEmpty()) {
				return this.name;
			}
			String operands = String.join(" ", this.operands);
			return this.name + " " + (this.optionalOperands
					? "[" + operands.replace(" ", " [") + "]".repeat(this.operands.size()) : operands);
		}

		boolean takes(String option) {
			return this.options.stream().anyMatch((candidate) -> candidate.name().equals(option));
		}

		CommandSpec spec() {
			return CommandLineModel.commandSpec(this);
		}

	}

}
