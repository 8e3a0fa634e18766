package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one benchmark run measures, read from the command line by {@link OptionsParser}.
 *
 * @param quick whether this is the quick run (N = 100 unless {@code --n} says otherwise,
 * and for the startup and cli workloads too; the short under-load timeline; the startup
 * and under-load applications with the client compiler only)
 * @param databases the databases to run on
 * @param postgresNamed whether PostgreSQL was asked for by name ({@code --db postgres})
 * rather than through {@code all}: then a server that does not answer is a failure, not a
 * skip
 * @param workloads the workloads to run
 * @param sizes the N of the apply and noop workloads
 * @param parseSize how many files the parse workload reads
 * @param rounds warm-up and measured rounds
 * @param out a file that also receives the tables and RESULT lines, or null
 * @param postgresUrl the PostgreSQL server's JDBC URL; every run gets a database of its
 * own there
 * @param sampleApp the sample application's executable jar, for the cli and under-load
 * workloads
 * @param help whether only the usage was asked for
 */
public record Options(boolean quick, Set<DatabaseKind> databases, boolean postgresNamed, Set<Workload> workloads,
		List<Integer> sizes, int parseSize, Rounds rounds, Path out, String postgresUrl, Path sampleApp, boolean help) {

	/**
	 * The PostgreSQL server used unless {@code --pg-url} or
	 * {@code MIGRATIONS_TEST_PG_URL} names another.
	 */
	public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

	/** The N of a full run. */
	public static final List<Integer> FULL_SIZES = List.of(100, 1000, 10000);

	/** The N of a quick run. */
	public static final List<Integer> QUICK_SIZES = List.of(100);

	/** How many files the parse workload reads unless {@code --n} is given. */
	public static final int DEFAULT_PARSE_SIZE = 10000;

	/** Measured rounds unless {@code --rounds} says otherwise. */
	public static final int DEFAULT_ROUNDS = 5;

	/** Warm-up rounds unless {@code --warmup} says otherwise. */
	public static final int DEFAULT_WARMUP = 1;

	/**
	 * Where the sample application's jar is unless {@code --sample-app} says otherwise.
	 */
	public static final Path DEFAULT_SAMPLE_APP = Path.of("sample-app", "target", "sample-app.jar");

	/** The command line, for usage errors and {@code --help}. */
	public static final String USAGE = String.join("\n",
			"usage: java -jar benchmarks/target/benchmarks.jar [--quick] [--db sqlite|postgres|all]",
			"           [--workload apply|noop|startup|cli|under-load|parse|all] [--n N[,N...]] [--rounds R] [--out FILE]",
			"           [--warmup W] [--pg-url JDBC-URL] [--sample-app PATH]", "",
			"  --quick       N = 100 instead of 100,1000,10000; the startup and cli workloads use the",
			"                smallest N instead of 100, the under-load scenario is shorter, and the",
			"                applications of the startup and under-load workloads run with the client",
			"                compiler only (-XX:TieredStopAtLevel=1)",
			"  --db          databases to run on (default all; PostgreSQL is skipped with a reason when it does",
			"                not answer, unless it was asked for by name or CI=true)",
			"  --workload    workloads to run, comma-separated (default all)",
			"  --n           N of the apply and noop workloads; the parse workload reads the largest",
			"                (default 10000 files)", "  --rounds      measured rounds (default 5)",
			"  --warmup      warm-up rounds before them, not reported (default 1; 0 only for smoke runs)",
			"  --out         also write the tables and RESULT lines to FILE",
			"  --pg-url      PostgreSQL server (default $MIGRATIONS_TEST_PG_URL, else " + DEFAULT_POSTGRES_URL + ")",
			"  --sample-app  the sample application's jar (default " + DEFAULT_SAMPLE_APP + ")");

	/**
	 * Reads a command line.
	 * @param args the arguments
	 * @param environment the process environment, for {@code MIGRATIONS_TEST_PG_URL}
	 * @return the options
	 * @throws UsageException for an unknown or malformed argument
	 */
	public static Options parse(List<String> args, Map<String, String> environment) {
		return new OptionsParser(environment).parse(args);
	}

	/** Whether a database is to be used. */
	public boolean runs(DatabaseKind database) {
		return this.databases.contains(database);
	}

	/** Whether a workload is to run. */
	public boolean runs(Workload workload) {
		return this.workloads.contains(workload);
	}

}
