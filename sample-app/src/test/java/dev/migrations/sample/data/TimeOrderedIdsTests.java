package dev.migrations.sample.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTests {

	private final TimeOrderedIds ids = new TimeOrderedIds();

	@Test
	void idsMadeInOneMillisecondSortAsTextInTheOrderTheyWereMade() {
		Instant now = Instant.parse("2024-05-01T12:00:00Z");
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			made.add(this.ids.next(now));
		}

		assertThat(made).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void aClockThatGoesBackDoesNotBreakTheOrder() {
		String later = this.ids.next(Instant.parse("2024-05-01T12:00:01Z"));
		String earlier = this.ids.next(Instant.parse("2024-05-01T12:00:00Z"));

		assertThat(earlier).isGreaterThan(later);
	}

	@Test
	void idsAreVersionSevenUuidsCarryingTheirMillisecond() {
		Instant now = Instant.parse("2024-05-01T12:00:00.123Z");

		UUID id = UUID.fromString(this.ids.next(now));

		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
	}

}
