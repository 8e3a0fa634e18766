package dev.migrations.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.migrations.MigrationConfigurationException;
import dev.migrations.MigrationFormat;
import dev.migrations.Operation;
import dev.migrations.OutOfOrderPolicy;
import dev.migrations.ValidationMode;
import dev.migrations.dialect.TableName;

/**
 * A parsed {@code migrate} command line. Options may come before or after the command, as {@code --db x} or
 * {@code --db=x}; {@code --placeholder name=value} may be repeated.
 *
 * @param command the command
 * @param operands what follows the command: a version, a name, or for {@code plan} the operation to plan
 * @param values the options with values
 * @param flags the options without values
 * @param placeholders the {@code --placeholder} values
 */
record Arguments(String command, List<String> operands, Map<String, String> values, Set<String> flags,
		Map<String, String> placeholders) {

	static final String USAGE = """
			usage: migrate <command> [arguments] [options]

			moving the database:
			  up                 apply every pending migration
			  up-by-one          apply the next pending migration
			  up-to V            apply pending migrations up to version V
			  down               roll back the most recently applied migration
			  down-to V          roll back every migration above version V (down-to 0: all of them)
			  redo               roll back the most recent migration and apply it again
			  reset              roll back every applied migration
			seeing before doing:
			  status             each migration: applied (when, how long), checksum mismatch, pending, out of order, missing
			  version            the current version
			  plan [op [V]]      what up (or up-to V, down, down-to V, redo, reset) would run, statement by statement
			                     (values of secret-looking placeholders and ENVSUB variables shown as ***)
			  validate           changed, missing and out-of-order migrations and files that do not parse (--offline: files only)
			  verify             on a scratch database: up, down to 0 and up again, checking each Down undoes its Up
			existing databases and repairs:
			  baseline V         mark versions up to V applied on a database made without migrations
			  force V            set golang-migrate's version to V and clear the dirty flag, running nothing
			  repair             record current checksums after deliberate edits; drop metadata of versions whose files are gone
			files:
			  create NAME        write the next migration (--sequential, the default, or --timestamp)
			  fix                renumber timestamp-versioned files sequentially (refused if one is applied)

			options:
			  --db <jdbc-url or path>      a JDBC URL, or the path of a SQLite file (created if absent)
			  --user <name>                database user (the password comes from MIGRATIONS_DB_PASSWORD)
			  --dir <directory>            migrations directory, or classpath:<path>
			  --table <name>               version table (default goose_db_version / schema_migrations)
			  --meta-table <name>          metadata table (default: the version table's name + _meta)
			  --format auto|goose|golang-migrate
			  --lock-timeout <seconds>     how long to wait for another runner (default 600)
			  --table-lock-timeout <ms>    how long a migration's statement waits for a table lock another session
			                               holds before the migration is rolled back and tried again, 3 attempts
			                               (PostgreSQL; default 4000, 0 waits as long as the database lets it)
			  --connect-retries N [--connect-retries-interval <seconds>]
			                               connect again up to N times while the database is unreachable, waiting
			                               1 s, then twice as long each time up to the interval (default 120)
			  --validation fail|warn|off   what up does with changed or missing applied files (default fail)
			  --out-of-order fail|apply|ignore
			  --baseline-on-migrate --baseline-version V
			  --placeholder name=value     for files that carry '-- migrations:placeholders' (repeatable); values of
			                               names holding password, secret, token, key or credential are never shown
			  --backup [--backup-dir D] [--backup-keep N]   back up a SQLite database before migrating
			  --json                       print JSON
			""";

	private static final Set<String> VALUED = Set.of("--db", "--user", "--dir", "--table", "--meta-table", "--format",
			"--lock-timeout", "--table-lock-timeout", "--connect-retries", "--connect-retries-interval", "--validation", "--out-of-order", "--baseline-version", "--placeholder", "--backup-dir",
			"--backup-keep");

	private static final Set<String> FLAGS = Set.of("--json", "--baseline-on-migrate", "--backup", "--offline",
			"--sequential", "--timestamp");

	private static final Map<String, Integer> OPERANDS = Map.ofEntries(Map.entry("up", 0), Map.entry("up-by-one", 0),
			Map.entry("up-to", 1), Map.entry("down", 0), Map.entry("down-to", 1), Map.entry("redo", 0),
			Map.entry("reset", 0), Map.entry("status", 0), Map.entry("version", 0), Map.entry("force", 1),
			Map.entry("validate", 0), Map.entry("baseline", 1), Map.entry("repair", 0), Map.entry("create", 1),
			Map.entry("fix", 0), Map.entry("verify", 0));

	static Arguments parse(List<String> args) {
		List<String> positional = new ArrayList<>();
		Map<String, String> values = new LinkedHashMap<>();
		Set<String> flags = new TreeSet<>();
		Map<String, String> placeholders = new LinkedHashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				positional.add(arg);
				continue;
			}
			int equals = arg.indexOf('=');
			String name = (equals > 0) ? arg.substring(0, equals) : arg;
			String value = (equals > 0) ? arg.substring(equals + 1) : null;
			if (FLAGS.contains(name)) {
				if (value != null) {
					throw new UsageException(name + " takes no value");
				}
				flags.add(name);
				continue;
			}
			if (!VALUED.contains(name)) {
				throw new UsageException("unknown option " + name);
			}
			if (value == null) {
				if (i + 1 >= args.size()) {
					throw new UsageException(name + " needs a value");
				}
				value = args.get(++i);
			}
			if (name.equals("--placeholder")) {
				int split = value.indexOf('=');
				if (split <= 0) {
					throw new UsageException("--placeholder needs name=value, not '" + value + "'");
				}
				placeholders.put(value.substring(0, split), value.substring(split + 1));
			}
			else {
				values.put(name, value);
			}
		}
		return of(positional, values, flags, placeholders);
	}

	private static Arguments of(List<String> positional, Map<String, String> values, Set<String> flags,
			Map<String, String> placeholders) {
		if (positional.isEmpty()) {
			throw new UsageException("no command given");
		}
		String command = positional.get(0);
		List<String> operands = positional.subList(1, positional.size());
		Arguments arguments = new Arguments(command, List.copyOf(operands), Map.copyOf(values), Set.copyOf(flags),
				Map.copyOf(placeholders));
		checkTableName(values, "--table", "table", "version table");
		checkTableName(values, "--meta-table", "metadataTable", "metadata table");
		if (command.equals("plan")) {
			arguments.planned();
			return arguments;
		}
		Integer expected = OPERANDS.get(command);
		if (expected == null) {
			throw new UsageException("unknown command '" + command + "'");
		}
		if (operands.size() < expected) {
			throw new UsageException(command + " needs " + (command.equals("create") ? "a name, as in 'create add_email'"
					: "a version, as in '" + command + " 3'"));
		}
		if (operands.size() > expected) {
			throw new UsageException("unexpected argument '" + operands.get(expected) + "' after " + command);
		}
		if (expected == 1 && !command.equals("create")) {
			arguments.version();
		}
		if (flags.contains("--sequential") && flags.contains("--timestamp")) {
			throw new UsageException("--sequential and --timestamp exclude each other");
		}
		return arguments;
	}

	/** A table name is an identifier, checked here so that a value carrying SQL is a usage error, like any bad value. */
	private static void checkTableName(Map<String, String> values, String option, String builderOption, String what) {
		String value = values.get(option);
		if (value == null) {
			return;
		}
		try {
			TableName.parse(value, builderOption, what);
		}
		catch (MigrationConfigurationException ex) {
			throw new UsageException(option + ": " + ex.getMessage());
		}
	}

	/** The version operand. */
	long version() {
		return number(this.command, this.operands.get(0));
	}

	/** The operation a moving command, or {@code plan}, stands for. */
	Operation operation() {
		return operation(this.command, this.operands.isEmpty() ? null : this.operands.get(0));
	}

	/** For {@code plan [op [V]]}: the operation to plan, {@code up} by default. */
	Operation planned() {
		if (this.operands.isEmpty()) {
			return Operation.up();
		}
		String name = this.operands.get(0);
		boolean versioned = name.equals("up-to") || name.equals("down-to");
		int expected = versioned ? 2 : 1;
		if (this.operands.size() != expected) {
			throw new UsageException("plan " + name + (versioned ? " needs a version" : " takes no version"));
		}
		return operation(name, versioned ? this.operands.get(1) : null);
	}

	private static Operation operation(String name, String version) {
		return switch (name) {
			case "up" -> Operation.up();
			case "up-by-one" -> Operation.upByOne();
			case "up-to" -> Operation.upTo(number(name, version));
			case "down" -> Operation.down();
			case "down-to" -> Operation.downTo(number(name, version));
			case "redo" -> Operation.redo();
			case "reset" -> Operation.reset();
			default -> throw new UsageException("cannot plan '" + name + "'; plan up, up-by-one, up-to V, down, down-to V,"
					+ " redo or reset");
		};
	}

	String value(String option) {
		return this.values.get(option);
	}

	boolean flag(String option) {
		return this.flags.contains(option);
	}

	boolean json() {
		return flag("--json");
	}

	MigrationFormat format() {
		String value = value("--format");
		try {
			return (value != null) ? MigrationFormat.fromLabel(value) : MigrationFormat.AUTO;
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
	}

	Duration lockTimeout() {
		String value = value("--lock-timeout");
		return (value != null) ? Duration.ofSeconds(number("--lock-timeout", value)) : null;
	}

	Duration tableLockTimeout() {
		String value = value("--table-lock-timeout");
		return (value != null) ? Duration.ofMillis(number("--table-lock-timeout", value)) : null;
	}

	Integer connectRetries() {
		String value = value("--connect-retries");
		return (value != null) ? Math.toIntExact(number("--connect-retries", value)) : null;
	}

	Duration connectRetriesInterval() {
		String value = value("--connect-retries-interval");
		return (value != null) ? Duration.ofSeconds(number("--connect-retries-interval", value)) : null;
	}

	ValidationMode validation() {
		return choice("--validation", ValidationMode.class, ValidationMode.FAIL);
	}

	OutOfOrderPolicy outOfOrder() {
		return choice("--out-of-order", OutOfOrderPolicy.class, OutOfOrderPolicy.FAIL);
	}

	Long baselineVersion() {
		String value = value("--baseline-version");
		return (value != null) ? number("--baseline-version", value) : null;
	}

	Integer backupKeep() {
		String value = value("--backup-keep");
		return (value != null) ? (int) number("--backup-keep", value) : null;
	}

	private <E extends Enum<E>> E choice(String option, Class<E> type, E fallback) {
		String value = value(option);
		if (value == null) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(option + " is one of fail, warn, off (validation) or fail, apply, ignore"
					+ " (out of order), not '" + value + "'");
		}
	}

	private static long number(String what, String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException | NullPointerException ex) {
			throw new UsageException(what + " needs a whole number, not '" + value + "'");
		}
	}

}
