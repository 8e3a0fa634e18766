package dev.migrations.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import dev.migrations.MigrationFormat;
import dev.migrations.Operation;
import dev.migrations.OutOfOrderPolicy;
import dev.migrations.ValidationMode;

/**
 * A parsed {@code migrate} command line. Options may come before or after the command, as
 * {@code --db x} or {@code --db=x}; {@code --placeholder name=value} may be repeated.
 *
 * @param command the command
 * @param operands what follows the command: a version, a name, or for {@code plan} the
 * operation to plan
 * @param values the options with values
 * @param flags the options without values
 * @param placeholders the {@code --placeholder} values
 */
record Arguments(String command, List<String> operands, Map<String, String> values, Set<String> flags,
		Map<String, String> placeholders) {

	/**
	 * Reads a command line: picocli checks it against the command's own options; the
	 * values are then read here.
	 * @param args the arguments after {@code migrate}
	 * @return the arguments
	 * @throws UsageException for an unknown command or option, an option the command does
	 * not take, or a missing or malformed value
	 */
	static Arguments parse(List<String> args) {
		List<String> ordered = commandFirst(args);
		if (ordered.isEmpty()) {
			throw new UsageException("no command given");
		}
		String command = ordered.get(0);
		Commands.Command known = Commands.ALL.get(command);
		if (known == null) {
			throw new UsageException("unknown command '" + command + "'");
		}
		ParseResult parsed;
		try {
			parsed = CommandLineModel.forParsing(known).parseArgs(ordered.toArray(String[]::new)).subcommand();
		}
		catch (ParameterException ex) {
			throw new UsageException(message(known, ex), command);
		}
		Map<String, String> values = new LinkedHashMap<>();
		Set<String> flags = new TreeSet<>();
		Map<String, String> placeholders = new LinkedHashMap<>();
		for (OptionSpec option : parsed.matchedOptions()) {
			String name = option.longestName();
			if (name.equals("--help") || name.equals("--version")) {
				continue;
			}
			if (option.arity().max() == 0) {
				flags.add(name);
			}
			else if (name.equals("--placeholder")) {
				for (String value : option.<List<String>>getValue()) {
					int split = value.indexOf('=');
					if (split <= 0) {
						throw new UsageException("--placeholder needs name=value, not '" + value + "'", command);
					}
					placeholders.put(value.substring(0, split), value.substring(split + 1));
				}
			}
			else {
				values.put(name, option.getValue());
			}
		}
		List<String> positional = new ArrayList<>();
		positional.add(command);
		parsed.matchedPositionals().forEach((operand) -> positional.addAll(operand.<List<String>>getValue()));
		if (values.containsKey("--backup-dir") && !flags.contains("--backup")
				|| values.containsKey("--backup-keep") && !flags.contains("--backup")) {
			throw new UsageException(
					(values.containsKey("--backup-dir") ? "--backup-dir" : "--backup-keep") + " needs --backup",
					command);
		}
		if (values.containsKey("--baseline-version") && !flags.contains("--baseline-on-migrate")) {
			throw new UsageException("--baseline-version needs --baseline-on-migrate", command);
		}
		try {
			return of(positional, values, flags, placeholders);
		}
		catch (UsageException ex) {
			throw (ex.command() != null) ? ex : new UsageException(ex.getMessage(), command);
		}
	}

	/**
	 * Options may come before the command, as they always could; picocli wants them after
	 * it.
	 */
	private static List<String> commandFirst(List<String> args) {
		Set<String> valued = new TreeSet<>();
		Commands.ALL.values()
			.forEach((command) -> command.options()
				.stream()
				.filter((option) -> !option.isFlag())
				.forEach((option) -> valued.add(option.name())));
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("-")) {
				List<String> ordered = new ArrayList<>(args.subList(i, i + 1));
				ordered.addAll(args.subList(0, i));
				ordered.addAll(args.subList(i + 1, args.size()));
				return ordered;
			}
			if (valued.contains(arg)) {
				i++;
			}
		}
		return List.of();
	}

	/** picocli's message, in the words this command line always used. */
	private static String message(Commands.Command command, ParameterException ex) {
		String text = String.valueOf(ex.getMessage());
		if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
			String argument = unmatched.getUnmatched().get(0);
			String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
			if (name.startsWith("--")) {
				boolean elsewhere = Commands.ALL.values().stream().anyMatch((other) -> other.takes(name));
				return elsewhere ? command.name() + " does not take " + name : "unknown option " + name;
			}
			return "unexpected argument '" + argument + "' after " + command.name();
		}
		if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()
				&& missing.getMissing().get(0) instanceof OptionSpec option) {
			return option.longestName() + " needs a value";
		}
		if (text.contains("should be specified without")) {
			String name = text.replaceAll("(?s).*option '([^']*)'.*", "$1");
			return name + " takes no value";
		}
		return text;
	}

	private static Arguments of(List<String> positional, Map<String, String> values, Set<String> flags,
			Map<String, String> placeholders) {
		String command = positional.get(0);
		List<String> operands = positional.subList(1, positional.size());
		Arguments arguments = new Arguments(command, List.copyOf(operands), Map.copyOf(values), Set.copyOf(flags),
				Map.copyOf(placeholders));
		if (command.equals("plan")) {
			arguments.planned();
			return arguments;
		}
		if (command.equals("lint")) {
			// Any number of files.
			return arguments;
		}
		int expected = Commands.ALL.get(command).operands().size();
		if (operands.size() < expected) {
			throw new UsageException(command + " needs " + (command.equals("create")
					? "a name, as in 'create add_email'" : "a version, as in '" + command + " 3'"));
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
			default -> throw new UsageException(
					"cannot plan '" + name + "'; plan up, up-by-one, up-to V, down, down-to V," + " redo or reset");
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
