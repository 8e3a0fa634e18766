package dev.migrations.benchmarks;

/**
 * One timed run.
 *
 * @param inProcessMs the time the child measured around the tool's call
 * @param wallMs the child process's whole life, from start to exit, as the parent saw it
 */
public record Measurement(double inProcessMs, double wallMs) {
}
