package dev.migrations.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParseResult;

import dev.migrations.EngineVersion;

/**
 * The {@code migrate} command line as picocli models it: each command with the options it
 * takes, so that an option a command does not take is a usage error, and the help each
 * command prints. Values stay text here; {@link Arguments} turns them into versions,
 * durations and choices, with one message per option.
 */
final class CommandLineModel {

	/** The command that prints a shell completion script. */
	static final String COMPLETION = "completion";

	private static final Set<String> HELP = Set.of("--help", "-h", "--version", "-V");

	/** The commands by group, in the order the help lists them. */
	static final Map<String, List<String>> GROUPS = groups();

	private CommandLineModel() {
	}

	private static Map<String, List<String>> groups() {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		groups.put("moving the database", List.of("up", "up-by-one", "up-to", "down", "down-to", "redo", "reset"));
		groups.put("seeing before doing", List.of("status", "version", "plan", "validate", "lint", "verify"));
		groups.put("existing databases and repairs", List.of("baseline", "force", "repair"));
		groups.put("files", List.of("create", "fix"));
		return groups;
	}

	/**
	 * A new model of the whole command line; picocli's models are not to be shared
	 * between parses.
	 */
	static CommandLine create() {
		CommandSpec top = CommandSpec.create()
			.name("migrate")
			.mixinStandardHelpOptions(true)
			.version("migrate " + version());
		usage(top.usageMessage(), "Applies and rolls back goose and golang-migrate migrations.");
		top.usageMessage()
			.customSynopsis("migrate <command> [arguments] [options]%n")
			.footer("", "'migrate help <command>' or 'migrate <command> --help' shows a command's options.");
		CommandLine commandLine = new CommandLine(top);
		// The grouped command list is the top level's alone: set before the commands are
		// added, it stays there.
		commandLine.setHelpSectionMap(helpSections(commandLine));
		commandLine.setHelpSectionKeys(
				List.of(UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING, UsageMessageSpec.SECTION_KEY_SYNOPSIS,
						UsageMessageSpec.SECTION_KEY_DESCRIPTION, UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
						UsageMessageSpec.SECTION_KEY_COMMAND_LIST, UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
						UsageMessageSpec.SECTION_KEY_OPTION_LIST, UsageMessageSpec.SECTION_KEY_FOOTER));
		commandLine.addSubcommand("help", new CommandLine.HelpCommand());
		CommandSpec completion = CommandSpec.create().name(COMPLETION).mixinStandardHelpOptions(true);
		usage(completion.usageMessage(), "print a bash completion script for migrate");
		completion.usageMessage()
			.customSynopsis("migrate completion%n")
			.footer("", "Load it with: source <(migrate completion)");
		commandLine.addSubcommand(COMPLETION, completion);
		Commands.ALL.forEach((name, command) -> commandLine.addSubcommand(name, command.spec()));
		commandLine.setUsageHelpWidth(118);
		return commandLine;
	}

	/**
	 * A model that knows one command, enough to parse that command's arguments: what
	 * picocli builds for every command of the whole command line takes longer than
	 * {@code status} itself on a small database, and a parse needs only the one.
	 */
	static CommandLine forParsing(Commands.Command command) {
		CommandLine commandLine = new CommandLine(CommandSpec.create().name("migrate"));
		commandLine.addSubcommand(command.name(), command.spec());
		return commandLine;
	}

	/**
	 * The help or version text the arguments ask for ({@code --help}, {@code -h},
	 * {@code help [command]}, {@code <command> --help}, {@code --version}, {@code -V}),
	 * or empty when they ask for neither.
	 */
	static Optional<String> helpRequested(List<String> args) {
		if (args.stream().noneMatch((arg) -> HELP.contains(arg)) && (args.isEmpty() || !args.get(0).equals("help"))) {
			return Optional.empty();
		}
		CommandLine commandLine = create();
		StringWriter text = new StringWriter();
		commandLine.setOut(new PrintWriter(text, true));
		try {
			ParseResult parsed = commandLine.parseArgs(args.toArray(String[]::new));
			if (CommandLine.printHelpIfRequested(parsed)) {
				return Optional.of(text.toString());
			}
		}
		catch (CommandLine.ParameterException ex) {
			// Not a request for help after all: the usage error is reported as any other.
		}
		return Optional.empty();
	}

	/** A bash completion script for every command and option. */
	static String completionScript() {
		return picocli.AutoComplete.bash("migrate", create());
	}

	/** The usage of a command, or of the whole command line for {@code null}. */
	static String usage(String command) {
		CommandLine commandLine = create();
		CommandLine shown = (command != null && commandLine.getSubcommands().containsKey(command))
				? commandLine.getSubcommands().get(command) : commandLine;
		return shown.getUsageMessage();
	}

	/** The version of the engine, as the build wrote it. */
	static String version() {
		return EngineVersion.current();
	}

	private static void usage(UsageMessageSpec usage, String description) {
		usage.description(description)
			.synopsisHeading("usage: ")
			.optionListHeading("%noptions:%n")
			.parameterListHeading("%narguments:%n")
			.sortOptions(false);
	}

	/**
	 * The top-level help lists the commands in their groups, each with the first line of
	 * its description.
	 */
	private static Map<String, CommandLine.IHelpSectionRenderer> helpSections(CommandLine commandLine) {
		Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(commandLine.getHelpSectionMap());
		sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, (help) -> String.format("%n"));
		sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, (help) -> {
			StringBuilder text = new StringBuilder();
			GROUPS.forEach((group, names) -> {
				text.append(group).append(":\n");
				for (String name : names) {
					Commands.Command command = Commands.ALL.get(name);
					text.append(String.format("  %-18s %s%n", command.synopsis(), command.summary()));
				}
			});
			text.append(String.format("  %-18s %s%n", "help [command]", "this text, or a command's options"));
			text.append(String.format("  %-18s %s%n", COMPLETION,
					"a bash completion script: source <(migrate completion)"));
			return text.toString();
		});
		return sections;
	}

	/** One command's picocli model. */
	static CommandSpec commandSpec(Commands.Command command) {
		CommandSpec spec = CommandSpec.create().name(command.name()).mixinStandardHelpOptions(true);
		usage(spec.usageMessage(), command.summary());
		List<String> description = new ArrayList<>();
		description.add(command.summary());
		description.addAll(command.details());
		spec.usageMessage().description(description.toArray(String[]::new));
		spec.usageMessage().customSynopsis("migrate " + command.synopsis() + " [options]%n");
		// The operands are counted and read by Arguments, whose messages name the
		// command; picocli only collects them.
		List<String> help = command.operands()
			.stream()
			.map((operand) -> operand + ": " + Commands.OPERAND_HELP.get(operand))
			.toList();
		spec.addPositional(PositionalParamSpec.builder()
			.paramLabel(command.operands().isEmpty() ? "" : String.join(" ", command.operands()))
			.arity("0..*")
			.type(List.class)
			.auxiliaryTypes(String.class)
			.hidden(command.operands().isEmpty())
			.hideParamSyntax(true)
			.description(help.toArray(String[]::new))
			.build());
		for (Option option : command.options()) {
			spec.addOption(option.spec());
		}
		return spec;
	}

	/**
	 * An option of the command line.
	 *
	 * @param name the option, as typed
	 * @param label the value's label, or {@code null} for a flag
	 * @param help what it does
	 */
	record Option(String name, String label, String... help) {

		boolean isFlag() {
			return this.label == null;
		}

		OptionSpec spec() {
			OptionSpec.Builder builder = OptionSpec.builder(this.name).description(this.help);
			if (isFlag()) {
				return builder.arity("0").type(boolean.class).build();
			}
			if (this.name.equals("--placeholder")) {
				return builder.paramLabel(this.label).type(List.class).auxiliaryTypes(String.class).arity("1").build();
			}
			return builder.paramLabel(this.label).type(String.class).arity("1").build();
		}

	}

}
