package dev.migrations.history;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version queries' times as drivers return them: decimals, doubles, whole seconds.
 */
class EpochSecondsTests {

	@Test
	void readsAPostgresDecimalToTheNanosecond() {
		assertThat(AbstractVersionTable.toInstant(new BigDecimal("1763776800.123456789")))
			.isEqualTo(Instant.ofEpochSecond(1763776800L, 123456789));
	}

	@Test
	void readsASqliteDoubleToTheMicrosecond() {
		assertThat(AbstractVersionTable.toInstant(1763776800.123)).isEqualTo(Instant.parse("2025-11-22T02:00:00.123Z"));
		assertThat(AbstractVersionTable.toInstant(1763776800.999999))
			.isEqualTo(Instant.ofEpochSecond(1763776800L, 999999000));
		assertThat(AbstractVersionTable.toInstant(1763776800.0)).isEqualTo(Instant.ofEpochSecond(1763776800L));
		assertThat(AbstractVersionTable.toInstant(1763776800.9999999)).isEqualTo(Instant.ofEpochSecond(1763776801L));
	}

	@Test
	void agreesWithDecimalArithmeticForMillisecondTimes() {
		for (long millis = 1763776800_000L; millis < 1763776800_000L + 2_000; millis += 7) {
			double seconds = millis / 1000.0;
			assertThat(AbstractVersionTable.toInstant(seconds)).as("%s", seconds)
				.isEqualTo(AbstractVersionTable.toInstant(new BigDecimal(Double.toString(seconds))))
				.isEqualTo(Instant.ofEpochMilli(millis));
		}
	}

	@Test
	void readsWholeSecondsAndTextAndNothing() {
		assertThat(AbstractVersionTable.toInstant(1763776800L)).isEqualTo(Instant.ofEpochSecond(1763776800L));
		assertThat(AbstractVersionTable.toInstant(17)).isEqualTo(Instant.ofEpochSecond(17));
		assertThat(AbstractVersionTable.toInstant("1763776800.5"))
			.isEqualTo(Instant.ofEpochSecond(1763776800L, 500_000_000));
		assertThat(AbstractVersionTable.toInstant(null)).isNull();
	}

}
