package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the benchmark's command line into {@link Options}, refusing anything it does not
 * know.
 */
final class OptionsParser {

	private final Map<String, String> environment;

	private boolean quick;

	private boolean help;

	private Set<DatabaseKind> databases = EnumSet.allOf(DatabaseKind.class);

	private boolean postgresNamed;

	private Set<Workload> workloads = EnumSet.allOf(Workload.class);

	private List<Integer> sizes;

	private int rounds = Options.DEFAULT_ROUNDS;

	private int warmup = Options.DEFAULT_WARMUP;

	private Path out;

	private String postgresUrl;

	private Path sampleApp = Options.DEFAULT_SAMPLE_APP;

	OptionsParser(Map<String, String> environment) {
		this.environment = environment;
	}

	Options parse(List<String> args) {
		Iterator<String> remaining = args.iterator();
		while (remaining.hasNext()) {
			String arg = remaining.next();
			String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			switch (option) {
				case "--quick" -> this.quick = true;
				case "--help", "-h" -> this.help = true;
				case "--db" -> {
					String value = value(arg, option, remaining);
					this.databases = databases(value);
					this.postgresNamed = !value.equals("all") && this.databases.contains(DatabaseKind.POSTGRES);
				}
				case "--workload" -> this.workloads = workloads(value(arg, option, remaining));
				case "--n" -> this.sizes = sizes(value(arg, option, remaining));
				case "--rounds" -> this.rounds = positive("--rounds", value(arg, option, remaining));
				case "--warmup" -> this.warmup = notNegative("--warmup", value(arg, option, remaining));
				case "--out" -> this.out = Path.of(value(arg, option, remaining));
				case "--pg-url" -> this.postgresUrl = postgresUrl(value(arg, option, remaining));
				case "--sample-app" -> this.sampleApp = Path.of(value(arg, option, remaining));
				default -> throw new UsageException("Unknown argument " + arg);
			}
		}
		List<Integer> chosen = (this.sizes != null) ? this.sizes
				: (this.quick ? Options.QUICK_SIZES : Options.FULL_SIZES);
		int parseSize = (this.sizes != null) ? Collections.max(this.sizes) : Options.DEFAULT_PARSE_SIZE;
		String url = (this.postgresUrl != null) ? this.postgresUrl
				: this.environment.getOrDefault("MIGRATIONS_TEST_PG_URL", Options.DEFAULT_POSTGRES_URL);
		return new Options(this.quick, this.databases, this.postgresNamed, this.workloads, chosen, parseSize,
				new Rounds(this.warmup, this.rounds), this.out, url, this.sampleApp, this.help);
	}

	private static String value(String arg, String option, Iterator<String> remaining) {
		if (arg.contains("=")) {
			return arg.substring(arg.indexOf('=') + 1);
		}
		if (!remaining.hasNext()) {
			throw new UsageException(option + " needs a value");
		}
		return remaining.next();
	}

	private static Set<DatabaseKind> databases(String value) {
		if (value.equals("all")) {
			return EnumSet.allOf(DatabaseKind.class);
		}
		Set<DatabaseKind> chosen = EnumSet.noneOf(DatabaseKind.class);
		for (String name : value.split(",", -1)) {
			chosen.add(find(DatabaseKind.values(), DatabaseKind::key, name, "--db", "sqlite, postgres or all"));
		}
		return chosen;
	}

	private static Set<Workload> workloads(String value) {
		if (value.equals("all")) {
			return EnumSet.allOf(Workload.class);
		}
		Set<Workload> chosen = EnumSet.noneOf(Workload.class);
		for (String name : value.split(",", -1)) {
			chosen.add(find(Workload.values(), Workload::key, name, "--workload",
					"apply, noop, startup, cli, under-load, parse or all"));
		}
		return chosen;
	}

	private static <T> T find(T[] values, Function<T, String> key, String name, String option, String expected) {
		for (T value : values) {
			if (key.apply(value).equals(name)) {
				return value;
			}
		}
		throw new UsageException(option + " takes " + expected + ", not '" + name + "'");
	}

	private static List<Integer> sizes(String value) {
		List<Integer> sizes = new ArrayList<>();
		for (String part : value.split(",", -1)) {
			int size = positive("--n", part.strip());
			if (!sizes.contains(size)) {
				sizes.add(size);
			}
		}
		return List.copyOf(sizes);
	}

	private static int positive(String option, String value) {
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException(option + " takes a positive whole number, not '" + value + "'");
	}

	private static int notNegative(String option, String value) {
		try {
			int number = Integer.parseInt(value);
			if (number >= 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException(option + " takes zero or a positive whole number, not '" + value + "'");
	}

	private static String postgresUrl(String value) {
		if (!value.startsWith("jdbc:postgresql:")) {
			throw new UsageException("--pg-url takes a jdbc:postgresql: URL");
		}
		return value;
	}

}
