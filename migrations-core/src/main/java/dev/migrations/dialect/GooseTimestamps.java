package dev.migrations.dialect;

/**
 * How goose's {@code tstamp} column is read and written on one connection, so that it
 * holds what goose itself would write and reads back as goose reads it.
 *
 * @param asEpochSeconds a SQL expression giving {@code tstamp} as seconds since the
 * epoch, or {@code NULL}
 * @param now the SQL value this engine writes into {@code tstamp}, or {@code null} to let
 * the column's default fill it, as goose's insert does
 */
public record GooseTimestamps(String asEpochSeconds, String now) {

}
