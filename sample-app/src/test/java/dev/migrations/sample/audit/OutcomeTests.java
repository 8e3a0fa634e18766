package dev.migrations.sample.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutcomeTests {

	@Test
	void theStatusOfAnAnswerGivesItsOutcome() {
		assertThat(Outcome.ofStatus(200)).isEqualTo(Outcome.SUCCESS);
		assertThat(Outcome.ofStatus(201)).isEqualTo(Outcome.SUCCESS);
		assertThat(Outcome.ofStatus(400)).isEqualTo(Outcome.FAILURE);
		assertThat(Outcome.ofStatus(404)).isEqualTo(Outcome.FAILURE);
		assertThat(Outcome.ofStatus(409)).isEqualTo(Outcome.FAILURE);
		assertThat(Outcome.ofStatus(401)).isEqualTo(Outcome.DENIED);
		assertThat(Outcome.ofStatus(403)).isEqualTo(Outcome.DENIED);
		assertThat(Outcome.ofStatus(429)).isEqualTo(Outcome.DENIED);
		assertThat(Outcome.ofStatus(500)).isEqualTo(Outcome.ERROR);
		assertThat(Outcome.ofStatus(503)).isEqualTo(Outcome.ERROR);
	}

	@Test
	void outcomesReadTheirStoredNames() {
		for (Outcome outcome : Outcome.values()) {
			assertThat(Outcome.of(outcome.value())).isEqualTo(outcome);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Outcome.of("maybe"));
	}

}
