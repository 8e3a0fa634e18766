package dev.migrations.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.migrations.LockTimeoutException;
import dev.migrations.MissingMigrationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints the command line adds to failures whose way out is one of its own commands or
 * options.
 */
class HintsTests {

	@Test
	void aLockTimeoutPointsAtTheLockTimeoutOption() {
		assertThat(Hints.of(new LockTimeoutException("app.db", Duration.ofSeconds(3), "pid 42")))
			.isEqualTo("wait for the holder to finish, or give more time with '--lock-timeout <seconds>'");
	}

	@Test
	void aFailureWhoseMessageSaysItAllGetsNoHint() {
		assertThat(Hints.of(new MissingMigrationException(3, "Version 3 is applied but no file has it."))).isNull();
	}

}
