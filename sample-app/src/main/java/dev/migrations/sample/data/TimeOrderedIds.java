package dev.migrations.sample.data;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Version-7 UUIDs: the millisecond first, then a counter within the millisecond, then
 * random bits. Ids made by one instance sort (as text, too) in the order they were made,
 * so rows written in the same millisecond still list newest first by id.
 */
public final class TimeOrderedIds {

	private static final int MAX_COUNTER = 0xFFF;

	private final SecureRandom random = new SecureRandom();

	private long lastMillis = -1;

	private int counter;

	/**
	 * The next id.
	 * @param at the time of the row it names
	 * @return an id greater than every id this instance made before
	 */
	public synchronized String next(Instant at) {
		long millis = Math.max(at.toEpochMilli(), this.lastMillis);
		if (millis == this.lastMillis) {
			this.counter++;
			if (this.counter > MAX_COUNTER) {
				millis++;
				this.counter = 0;
			}
		}
		else {
			this.counter = 0;
		}
		this.lastMillis = millis;
		long high = (millis << 16) | 0x7000L | this.counter;
		long low = (this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

}
