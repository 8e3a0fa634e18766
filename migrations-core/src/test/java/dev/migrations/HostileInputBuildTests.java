package dev.migrations;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.HostileInput;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.TestDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The catalogue's inputs that are refused while the engine is built (file sets, names,
 * options): refused with the file named, before anything connects to the database, so no
 * database can be touched.
 */
class HostileInputBuildTests {

	@TempDir
	Path temp;

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.migrations.testing.HostileInputs#refusedWhenBuilt")
	void isRefusedNamingItsFileBeforeConnectingToAnything(HostileInput input) {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"));
		input.writeFiles(dir);
		TestDataSource dataSource = TestDataSource.unreachable();

		Throwable refused = catchThrowable(() -> HostileInputChecks.builder(input, dir, dataSource).build());

		HostileInputChecks.assertRefusalNamesItsCause(refused, input, dir);
		assertThat(dataSource.attempts()).hasValue(0);
	}

}
