package dev.migrations.sample.data;

/**
 * MySQL's and MariaDB's forms: the proxy's {@code DATETIME} columns hold UTC (see
 * {@link UtcDateTimeValues}); token ids are {@code CHAR(36)} text.
 */
final class MySqlValues extends UtcDateTimeValues {

	@Override
	public Object tokenId(String id) {
		return id;
	}

}
