package dev.migrations.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundsTests {

	@Test
	void warmUpsComeFirstAndAreNotMeasured() {
		Rounds rounds = new Rounds(1, 5);
		assertThat(rounds.total()).isEqualTo(6);
		assertThat(rounds.isMeasured(0)).isFalse();
		assertThat(rounds.isMeasured(1)).isTrue();
		assertThat(rounds.label(0)).isEqualTo("warm-up 1");
		assertThat(rounds.label(1)).isEqualTo("round 1");
		assertThat(rounds.label(5)).isEqualTo("round 5");
		assertThat(rounds.describe()).isEqualTo("median of 5 rounds after 1 warm-up round");
	}

	@Test
	void aSmokeRunMayMeasureOnceWithoutWarmUp() {
		Rounds rounds = new Rounds(0, 1);
		assertThat(rounds.isMeasured(0)).isTrue();
		assertThat(rounds.describe()).isEqualTo("median of 1 round after no warm-up");
	}

	@Test
	void refusesNoMeasuredRound() {
		assertThatThrownBy(() -> new Rounds(1, 0)).isInstanceOf(IllegalArgumentException.class);
	}

}
