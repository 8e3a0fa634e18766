package dev.migrations.internal;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.MigrationListener;

/**
 * Calls each listener so that one that throws is logged and cannot break the run, nor
 * keep the others from hearing.
 */
final class Listeners {

	private static final Logger logger = LoggerFactory.getLogger(Listeners.class);

	private final List<MigrationListener> listeners;

	Listeners(List<MigrationListener> listeners) {
		this.listeners = listeners;
	}

	void tell(Consumer<MigrationListener> event) {
		for (MigrationListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("A migration listener failed; the run goes on: {}", ex.toString(), ex);
			}
		}
	}

}
