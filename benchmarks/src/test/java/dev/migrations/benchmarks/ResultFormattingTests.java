package dev.migrations.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultFormattingTests {

	@Test
	void resultLinesReadAsKeyValuePairsAfterTheirTag() {
		ResultLine line = ResultLine.of(Workload.APPLY)
			.with("db", "postgres")
			.with("n", 1000)
			.millis("ours_ms", 310.04)
			.millis("flyway_ms", 1000)
			.ratio("ours_vs_flyway", 310.04, 1000);
		assertThat(line)
			.hasToString("RESULT workload=apply db=postgres n=1000 ours_ms=310.0 flyway_ms=1000.0 ours_vs_flyway=0.31");
	}

	@Test
	void aToolsRowShowsMedianRangeAndWholeProcessMedian() {
		Table table = Table.timings("apply, sqlite, N=100")
			.timing("ours", new Stats(12.34, 10, 15.55, 5), new Stats(400, 380, 420, 5));
		assertThat(table.lines()).containsExactly("### apply, sqlite, N=100", "",
				"| tool | median ms | min–max ms | median whole-process ms |", "|---|---:|---:|---:|",
				"| ours | 12.3 | 10.0–15.6 | 400.0 |");
	}

	@Test
	void tablesRefuseRowsOfTheWrongWidth() {
		assertThatThrownBy(() -> new Table("t", "a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aChildsTimingLineIsReadWithItsWallTime() {
		ChildOutput output = new ChildOutput(List.of("noise", "TIMING ms=12.500"), 300);
		assertThat(output.measurement()).isEqualTo(new Measurement(12.5, 300));
	}

	@Test
	void aChildWithoutATimingLineFailsTheBenchmark() {
		ChildOutput output = new ChildOutput(List.of("Migrated"), 300);
		assertThatThrownBy(output::measurement).isInstanceOf(BenchmarkException.class)
			.hasMessage("The child process printed no TIMING line");
		assertThatThrownBy(() -> new ChildOutput(List.of("TIMING ms=soon"), 1).measurement())
			.isInstanceOf(BenchmarkException.class);
	}

}
