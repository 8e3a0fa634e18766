package dev.migrations.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationFormat;
import dev.migrations.Operation;
import dev.migrations.OutOfOrderPolicy;
import dev.migrations.ValidationMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How the {@code migrate} command line is read. */
class ArgumentsTests {

	private static Arguments parse(String... args) {
		return Arguments.parse(List.of(args));
	}

	@Test
	void optionsMayComeBeforeOrAfterTheCommand() {
		Arguments before = parse("--db", "app.db", "--dir=migrations", "up-to", "5", "--json");
		Arguments after = parse("up-to", "5", "--dir", "migrations", "--json", "--db=app.db");

		assertThat(before).isEqualTo(after);
		assertThat(before.command()).isEqualTo("up-to");
		assertThat(before.version()).isEqualTo(5L);
		assertThat(before.operation()).isEqualTo(Operation.upTo(5));
		assertThat(before.value("--db")).isEqualTo("app.db");
		assertThat(before.value("--dir")).isEqualTo("migrations");
		assertThat(before.json()).isTrue();
	}

	@Test
	void everyOptionIsRead() {
		Arguments arguments = parse("up", "--table", "audit.versions", "--meta-table", "audit.meta", "--format",
				"golang_migrate", "--user", "app", "--lock-timeout", "30", "--validation", "warn", "--out-of-order",
				"apply", "--baseline-on-migrate", "--baseline-version", "6", "--placeholder", "schema=app",
				"--placeholder=owner=admin=x", "--backup", "--backup-dir", "backups", "--backup-keep", "3");

		assertThat(arguments.value("--table")).isEqualTo("audit.versions");
		assertThat(arguments.value("--meta-table")).isEqualTo("audit.meta");
		assertThat(arguments.format()).isEqualTo(MigrationFormat.GOLANG_MIGRATE);
		assertThat(arguments.value("--user")).isEqualTo("app");
		assertThat(arguments.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(arguments.validation()).isEqualTo(ValidationMode.WARN);
		assertThat(arguments.outOfOrder()).isEqualTo(OutOfOrderPolicy.APPLY);
		assertThat(arguments.flag("--baseline-on-migrate")).isTrue();
		assertThat(arguments.baselineVersion()).isEqualTo(6L);
		assertThat(arguments.placeholders()).isEqualTo(Map.of("schema", "app", "owner", "admin=x"));
		assertThat(arguments.flag("--backup")).isTrue();
		assertThat(arguments.value("--backup-dir")).isEqualTo("backups");
		assertThat(arguments.backupKeep()).isEqualTo(3);
		assertThat(arguments.json()).isFalse();
	}

	@Test
	void defaultsApplyWhenOptionsAreMissing() {
		Arguments arguments = parse("up");

		assertThat(arguments.format()).isEqualTo(MigrationFormat.AUTO);
		assertThat(arguments.validation()).isEqualTo(ValidationMode.FAIL);
		assertThat(arguments.outOfOrder()).isEqualTo(OutOfOrderPolicy.FAIL);
		assertThat(arguments.lockTimeout()).isNull();
		assertThat(arguments.baselineVersion()).isNull();
		assertThat(arguments.backupKeep()).isNull();
		assertThat(arguments.operation()).isEqualTo(Operation.up());
	}

	@Test
	void planNamesTheOperationItPlans() {
		assertThat(parse("plan").planned()).isEqualTo(Operation.up());
		assertThat(parse("plan", "up-to", "4").planned()).isEqualTo(Operation.upTo(4));
		assertThat(parse("plan", "down").planned()).isEqualTo(Operation.down());
		assertThat(parse("plan", "down-to", "0").planned()).isEqualTo(Operation.downTo(0));
		assertThat(parse("plan", "redo").planned()).isEqualTo(Operation.redo());
		assertThat(parse("plan", "reset").planned()).isEqualTo(Operation.reset());
		assertThat(parse("plan", "up-by-one").planned()).isEqualTo(Operation.upByOne());
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("plan", "status"))
			.withMessageStartingWith("cannot plan 'status'");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("plan", "up-to"))
			.withMessage("plan up-to needs a version");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("plan", "down", "3"))
			.withMessage("plan down takes no version");
	}

	@Test
	void versionedCommandsNeedAWholeNumber() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("down-to"))
			.withMessage("down-to needs a version, as in 'down-to 3'");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("force", "latest"))
			.withMessage("force needs a whole number, not 'latest'");
		assertThat(parse("force", "-1").version()).isEqualTo(-1L);
		assertThat(parse("baseline", "6").version()).isEqualTo(6L);
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("create"))
			.withMessage("create needs a name, as in 'create add_email'");
		assertThat(parse("create", "add_email").operands()).containsExactly("add_email");
	}

	@Test
	void mistakesAreNamed() {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse()).withMessage("no command given");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("sideways"))
			.withMessage("unknown command 'sideways'");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("up", "--fast"))
			.withMessage("unknown option --fast");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("up", "--db"))
			.withMessage("--db needs a value");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("up", "3"))
			.withMessage("unexpected argument '3' after up");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("up", "--json=yes"))
			.withMessage("--json takes no value");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("up", "--format", "flyway").format())
			.withMessageContaining("Unknown migration format 'flyway'");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> parse("up", "--lock-timeout", "soon").lockTimeout())
			.withMessage("--lock-timeout needs a whole number, not 'soon'");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> parse("up", "--validation", "maybe").validation())
			.withMessageContaining("not 'maybe'");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> parse("up", "--placeholder", "novalue"))
			.withMessage("--placeholder needs name=value, not 'novalue'");
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> parse("create", "x", "--sequential", "--timestamp"))
			.withMessage("--sequential and --timestamp exclude each other");
	}

}
