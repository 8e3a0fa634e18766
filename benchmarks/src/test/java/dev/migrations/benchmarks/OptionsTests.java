package dev.migrations.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTests {

	private static Options parse(String... args) {
		return Options.parse(List.of(args), Map.of());
	}

	@Test
	void defaultsAreTheFullRunOnEveryDatabaseAndWorkload() {
		Options options = parse();
		assertThat(options.quick()).isFalse();
		assertThat(options.databases()).containsExactly(DatabaseKind.SQLITE, DatabaseKind.POSTGRES);
		assertThat(options.postgresNamed()).isFalse();
		assertThat(options.workloads()).containsExactly(Workload.values());
		assertThat(options.sizes()).containsExactly(100, 1000, 10000);
		assertThat(options.parseSize()).isEqualTo(10000);
		assertThat(options.rounds()).isEqualTo(new Rounds(1, 5));
		assertThat(options.out()).isNull();
		assertThat(options.postgresUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
		assertThat(options.sampleApp()).isEqualTo(Path.of("sample-app", "target", "sample-app.jar"));
	}

	@Test
	void quickRunsOneHundredMigrations() {
		assertThat(parse("--quick").sizes()).containsExactly(100);
	}

	@Test
	void explicitSizesWinOverQuickAndSetTheParseSize() {
		Options options = parse("--quick", "--n", "20,5000,20");
		assertThat(options.sizes()).containsExactly(20, 5000);
		assertThat(options.parseSize()).isEqualTo(5000);
	}

	@Test
	void valuesMayFollowAnEqualsSign() {
		Options options = parse("--db=sqlite", "--workload=apply,noop", "--rounds=3", "--warmup=0", "--out=r.md");
		assertThat(options.databases()).containsExactly(DatabaseKind.SQLITE);
		assertThat(options.workloads()).containsExactly(Workload.APPLY, Workload.NOOP);
		assertThat(options.rounds()).isEqualTo(new Rounds(0, 3));
		assertThat(options.out()).isEqualTo(Path.of("r.md"));
	}

	@Test
	void postgresNamedByItselfMustAnswer() {
		assertThat(parse("--db", "postgres").postgresNamed()).isTrue();
		assertThat(parse("--db", "all").postgresNamed()).isFalse();
		assertThat(parse("--db", "sqlite").postgresNamed()).isFalse();
	}

	@Test
	void postgresUrlComesFromTheOptionThenTheEnvironment() {
		Map<String, String> environment = Map.of("MIGRATIONS_TEST_PG_URL", "jdbc:postgresql://db:5433/other");
		assertThat(Options.parse(List.of(), environment).postgresUrl()).isEqualTo("jdbc:postgresql://db:5433/other");
		assertThat(Options.parse(List.of("--pg-url", "jdbc:postgresql://x/y"), environment).postgresUrl())
			.isEqualTo("jdbc:postgresql://x/y");
	}

	@Test
	void helpIsRecognised() {
		assertThat(parse("--help").help()).isTrue();
	}

	@Test
	void refusesAnUnknownArgument() {
		assertThatThrownBy(() -> parse("--fast")).isInstanceOf(UsageException.class)
			.hasMessage("Unknown argument --fast");
	}

	@Test
	void refusesAnOptionWithoutItsValue() {
		assertThatThrownBy(() -> parse("--rounds")).isInstanceOf(UsageException.class)
			.hasMessage("--rounds needs a value");
	}

	@Test
	void refusesSizesThatAreNotPositiveNumbers() {
		assertThatThrownBy(() -> parse("--n", "100,0")).isInstanceOf(UsageException.class)
			.hasMessage("--n takes a positive whole number, not '0'");
		assertThatThrownBy(() -> parse("--n", "ten")).isInstanceOf(UsageException.class)
			.hasMessageContaining("not 'ten'");
		assertThatThrownBy(() -> parse("--n", "100,")).isInstanceOf(UsageException.class);
	}

	@Test
	void refusesRoundsBelowOneAndNegativeWarmUps() {
		assertThatThrownBy(() -> parse("--rounds", "0")).isInstanceOf(UsageException.class);
		assertThatThrownBy(() -> parse("--warmup", "-1")).isInstanceOf(UsageException.class)
			.hasMessage("--warmup takes zero or a positive whole number, not '-1'");
	}

	@Test
	void refusesUnknownDatabasesAndWorkloads() {
		assertThatThrownBy(() -> parse("--db", "mysql")).isInstanceOf(UsageException.class)
			.hasMessage("--db takes sqlite, postgres or all, not 'mysql'");
		assertThatThrownBy(() -> parse("--workload", "apply,rollback")).isInstanceOf(UsageException.class)
			.hasMessage("--workload takes apply, noop, startup, cli, under-load, parse or all, not 'rollback'");
	}

	@Test
	void refusesAPostgresUrlOfAnotherDriver() {
		assertThatThrownBy(() -> parse("--pg-url", "jdbc:mysql://x/y")).isInstanceOf(UsageException.class)
			.hasMessage("--pg-url takes a jdbc:postgresql: URL");
	}

}
