package dev.migrations.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The engine's log in a test: slf4j-simple, the engine's log in these tests, writes to
 * whatever {@code System.err} is at the time, so this captures standard error until
 * closed.
 */
public final class EngineLog implements AutoCloseable {

	private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

	private final PrintStream original;

	private EngineLog() {
		this.original = System.err;
		System.setErr(new PrintStream(this.captured, true, StandardCharsets.UTF_8));
	}

	/** Starts capturing. */
	public static EngineLog capture() {
		return new EngineLog();
	}

	/** What was logged so far. */
	public String text() {
		return this.captured.toString(StandardCharsets.UTF_8);
	}

	/** Gives standard error back. */
	@Override
	public void close() {
		System.setErr(this.original);
	}

}
