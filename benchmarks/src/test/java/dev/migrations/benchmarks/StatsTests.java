package dev.migrations.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatsTests {

	@Test
	void medianOfAnOddCountIsTheMiddleValue() {
		assertThat(Stats.of(List.of(5.0, 1.0, 9.0, 3.0, 7.0))).isEqualTo(new Stats(5.0, 1.0, 9.0, 5));
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(Stats.of(List.of(4.0, 1.0, 2.0, 10.0))).isEqualTo(new Stats(3.0, 1.0, 10.0, 4));
	}

	@Test
	void oneValueIsItsOwnMedianMinimumAndMaximum() {
		assertThat(Stats.of(List.of(42.5))).isEqualTo(new Stats(42.5, 42.5, 42.5, 1));
	}

	@Test
	void refusesToSummarizeNothing() {
		assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
	}

}
