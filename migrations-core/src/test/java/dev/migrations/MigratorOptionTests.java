package dev.migrations;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The catalogue of options is the builder's: one entry per option method, each naming its
 * property and flag once.
 */
class MigratorOptionTests {

	@Test
	void everyOptionOfTheBuilderIsInTheCatalogueAndNothingElse() {
		Set<String> builderOptions = Arrays.stream(Migrator.Builder.class.getDeclaredMethods())
			// The options return the builder; build() and buildFiles() end it.
			.filter((method) -> Modifier.isPublic(method.getModifiers())
					&& method.getReturnType() == Migrator.Builder.class)
			.map(Method::getName)
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(Arrays.stream(MigratorOption.values()).map(MigratorOption::builderName))
			.containsExactlyInAnyOrderElementsOf(builderOptions);
	}

	@Test
	void noTwoOptionsShareAPropertyOrAFlag() {
		assertThat(Arrays.stream(MigratorOption.values()).flatMap((option) -> option.property().stream()))
			.doesNotHaveDuplicates()
			.allMatch((property) -> property.startsWith("migrations."));
		assertThat(Arrays.stream(MigratorOption.values()).flatMap((option) -> option.flag().stream()))
			.doesNotHaveDuplicates()
			.allMatch((flag) -> flag.startsWith("--"));
	}

	@Test
	void aRefusedOptionNamesItsCatalogueEntry() {
		MigrationConfigurationException refused = catchThrowableOfType(MigrationConfigurationException.class,
				() -> Migrator.builder()
					.dataSource(SqliteTestDatabase.create().dataSource())
					.locations(MigrationDir.create().goose("00001_a.sql", "SELECT 1;", "SELECT 1;").location())
					.tableLockTimeout(Duration.ofSeconds(-1))
					.build());

		assertThat(refused.setting()).contains(MigratorOption.TABLE_LOCK_TIMEOUT);
		assertThat(refused.setting().flatMap(MigratorOption::property)).contains("migrations.table-lock-timeout");
		assertThat(refused.setting().flatMap(MigratorOption::flag)).contains("--table-lock-timeout");
	}

	@Test
	void theBuiltEngineSaysWhatItWasBuiltWith() {
		Migrator migrator = Migrator.builder()
			.dataSource(SqliteTestDatabase.create().dataSource())
			.locations(MigrationDir.create().goose("00001_a.sql", "SELECT 1;", "SELECT 1;").location())
			.lockTimeout(Duration.ofSeconds(7))
			.backup(true)
			.build();

		MigratorConfiguration configuration = migrator.configuration();

		assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(configuration.backup()).isTrue();
		assertThat(configuration.tableLockTimeout()).isEqualTo(Migrator.DEFAULT_TABLE_LOCK_TIMEOUT);
		assertThat(configuration.table()).isEqualTo("goose_db_version");
		assertThat(configuration.metadataTable()).isEqualTo("goose_db_version_meta");
	}

}
