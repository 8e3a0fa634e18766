package dev.migrations.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrations.Direction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A migration file name carries its version, its description and, for golang-migrate, its
 * direction.
 */
class MigrationFileNameTests {

	@Test
	void readsAGooseNameIntoVersionAndDescription() {
		MigrationFileName name = GooseFiles.INSTANCE.name("00003_add_cache_hit_count.sql");

		assertThat(name)
			.isEqualTo(new MigrationFileName("00003_add_cache_hit_count.sql", 3, "add_cache_hit_count", null));
	}

	@Test
	void readsAGooseTimestampVersion() {
		assertThat(GooseFiles.INSTANCE.name("20240131120000_create_users.sql").version()).isEqualTo(20240131120000L);
	}

	@Test
	void keepsEverythingAfterTheFirstUnderscoreAsTheGooseDescription() {
		assertThat(GooseFiles.INSTANCE.name("7_add_users_table.sql").description()).isEqualTo("add_users_table");
	}

	@Test
	void refusesGooseVersionZero() {
		assertThatIllegalArgumentException().isThrownBy(() -> GooseFiles.INSTANCE.name("00000_init.sql"))
			.withMessage("goose versions start at 1, and this file's is 0");
	}

	@Test
	void acceptsTheLargestSixtyFourBitVersion() {
		assertThat(GooseFiles.INSTANCE.name("9223372036854775807_last.sql").version()).isEqualTo(Long.MAX_VALUE);
		assertThat(GolangMigrateFiles.INSTANCE.name("9223372036854775807_last.up.sql").version())
			.isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void refusesAGooseVersionBeyondSixtyFourBits() {
		assertThatIllegalArgumentException().isThrownBy(() -> GooseFiles.INSTANCE.name("9223372036854775808_x.sql"))
			.withMessage("version 9223372036854775808 does not fit in 64 bits (largest is 9223372036854775807)");
	}

	@Test
	void refusesAGolangMigrateVersionBeyondSixtyFourBits() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GolangMigrateFiles.INSTANCE.name("123456789012345678901234_x.up.sql"))
			.withMessageContaining("does not fit in 64 bits");
	}

	@Test
	void readsAGolangMigrateUpName() {
		MigrationFileName name = GolangMigrateFiles.INSTANCE.name("000001_create_users.up.sql");

		assertThat(name)
			.isEqualTo(new MigrationFileName("000001_create_users.up.sql", 1, "create_users", Direction.UP));
	}

	@Test
	void readsAGolangMigrateDownName() {
		MigrationFileName name = GolangMigrateFiles.INSTANCE.name("000001_create_users.down.sql");

		assertThat(name.direction()).isEqualTo(Direction.DOWN);
		assertThat(name.description()).isEqualTo("create_users");
	}

	@Test
	void acceptsGolangMigrateVersionZero() {
		assertThat(GolangMigrateFiles.INSTANCE.name("0_baseline.up.sql").version()).isZero();
	}

	@Test
	void readsAnUnpaddedGolangMigrateVersionAsANumber() {
		assertThat(GolangMigrateFiles.INSTANCE.name("10_ten.up.sql").version()).isEqualTo(10);
		assertThat(GolangMigrateFiles.INSTANCE.name("0002_two.up.sql").version()).isEqualTo(2);
	}

	@Test
	void acceptsAnyGolangMigrateExtension() {
		assertThat(GolangMigrateFiles.INSTANCE.isName("1_x.up.cql")).isTrue();
		assertThat(GolangMigrateFiles.INSTANCE.name("1_x.down.cql").direction()).isEqualTo(Direction.DOWN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "00001_a.sql", "1_.sql", "1_x.up.sql", "20240131120000_create users.sql" })
	void recognizesGooseShapedNames(String name) {
		assertThat(GooseFiles.INSTANCE.isName(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "README.md", "init.sql", "1.sql", "a1_x.sql", "-1_x.sql", "1_x.SQL", "1_x.sql.bak",
			"1_x.txt", "_1_x.sql" })
	void doesNotTakeOtherNamesForGoose(String name) {
		assertThat(GooseFiles.INSTANCE.isName(name)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1_x.up.sql", "000001_x.down.sql", "0_x.up.sql", "1_a.b.up.sql" })
	void recognizesGolangMigrateShapedNames(String name) {
		assertThat(GolangMigrateFiles.INSTANCE.isName(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "1_x.sql", "1_x.up", "1_x.UP.sql", "x_1.up.sql", "1x.up.sql", "README.md", "1_x.sideways.sql" })
	void doesNotTakeOtherNamesForGolangMigrate(String name) {
		assertThat(GolangMigrateFiles.INSTANCE.isName(name)).isFalse();
	}

	@Test
	void refusesToReadANameOfTheWrongShape() {
		assertThatIllegalArgumentException().isThrownBy(() -> GooseFiles.INSTANCE.name("README.md"))
			.withMessage("does not match <version>_<name>.sql");
		assertThatIllegalArgumentException().isThrownBy(() -> GolangMigrateFiles.INSTANCE.name("1_x.sql"))
			.withMessage("does not match <version>_<title>.up.<ext> or .down.<ext>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1_a.sql", "1_.sql", "0001_a.b.sql", "12_x_y z é.sql", "1_a.sql.sql", "1_a\ttab.sql" })
	void acceptsEveryGooseNameOfTheShapeDigitsUnderscoreAnythingSql(String name) {
		assertThat(GooseFiles.INSTANCE.isName(name)).as(name).isTrue();
		assertThat(GooseFiles.INSTANCE.isName(name)).isEqualTo(name.matches("[0-9]+_.*\\.sql"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "_a.sql", "a1_a.sql", "1a_b.sql", "1.sql", "1_a.SQL", "1_a.sqlx", "1_a\n.sql", "1_a\r.sql",
			"1_a\u2028.sql", "1_a\u0085.sql", "", "1", "1_", "1_.sq", "１_a.sql" })
	void refusesNamesOfAnyOtherShape(String name) {
		assertThat(GooseFiles.INSTANCE.isName(name)).as(name).isFalse();
		assertThat(GooseFiles.INSTANCE.isName(name)).isEqualTo(name.matches("[0-9]+_.*\\.sql"));
		assertThatIllegalArgumentException().isThrownBy(() -> GooseFiles.INSTANCE.name(name));
	}

	@Test
	void readsAnEmptyGooseDescription() {
		assertThat(GooseFiles.INSTANCE.name("5_.sql")).isEqualTo(new MigrationFileName("5_.sql", 5, "", null));
	}

}
