package dev.migrations.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.migrations.Migrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package boundaries of core, read from its compiled classes. The supported API is
 * {@code dev.migrations} (the {@code Migrator}, its builder, results, exceptions, the
 * listener, Java migrations), {@code dev.migrations.source} and the file commands in
 * {@code dev.migrations.files}; the other packages are the engine's own. A reader finds
 * the parser, the dialects, the version tables and the locks by their packages, and each
 * package depends only on the ones below it.
 */
class ArchitectureTests {

	/**
	 * The engine's own packages, which no method of the API may take or return a type of.
	 */
	private static final String[] ENGINE = { "dev.migrations.dialect..", "dev.migrations.format..",
			"dev.migrations.history..", "dev.migrations.internal..", "dev.migrations.lock..", "dev.migrations.parser..",
			"dev.migrations.verify.." };

	private static JavaClasses core;

	@BeforeAll
	static void importCore() {
		core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.migrations");
	}

	@Test
	void thePackagesDependOnEachOtherWithoutCycles() {
		slices().matching("dev.migrations.(*)..").should().beFreeOfCycles().check(core);
	}

	@Test
	void coreNeedsNothingButTheJdkAndSlf4j() {
		classes().should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("dev.migrations..", "java..", "javax.sql..", "org.slf4j..")
			.check(core);
	}

	@Test
	void theApiTakesAndReturnsNoTypeOfTheEnginesOwnPackages() {
		codeUnits().that()
			.areDeclaredInClassesThat()
			.resideInAnyPackage("dev.migrations", "dev.migrations.source", "dev.migrations.files")
			.and()
			.areDeclaredInClassesThat()
			.arePublic()
			.and(arePublic())
			.should(takeAndReturnNoEngineType())
			.check(core);
	}

	@Test
	void theLowerPackagesDoNotReachUpIntoTheEngine() {
		classes().that()
			.resideInAnyPackage("dev.migrations.parser..", "dev.migrations.lock..", "dev.migrations.source..")
			.should()
			.onlyDependOnClassesThat()
			.resideOutsideOfPackages("dev.migrations.internal..", "dev.migrations.history..", "dev.migrations.format..")
			.check(core);
	}

	@Test
	void theModuleExportsTheApiPackagesOnly() throws IOException {
		// Core's own, wherever its classes are: on the class path, other jars carry a
		// module-info.class too.
		URL classes = Migrator.class.getProtectionDomain().getCodeSource().getLocation();
		URL moduleInfo = classes.getPath().endsWith(".jar") ? new URL("jar:" + classes + "!/module-info.class")
				: new URL(classes, "module-info.class");
		try (InputStream in = moduleInfo.openStream()) {
			assertThat(in).as("core's module-info").isNotNull();
			ModuleDescriptor module = ModuleDescriptor.read(in);

			assertThat(module.exports()).map(ModuleDescriptor.Exports::source)
				.containsExactlyInAnyOrder("dev.migrations", "dev.migrations.source", "dev.migrations.files");
			assertThat(module.requires()).map(ModuleDescriptor.Requires::name)
				.containsExactlyInAnyOrder("java.base", "java.sql", "org.slf4j");
		}
	}

	private static DescribedPredicate<JavaCodeUnit> arePublic() {
		return DescribedPredicate.describe("are public", (unit) -> unit.getModifiers().contains(JavaModifier.PUBLIC));
	}

	private static ArchCondition<JavaCodeUnit> takeAndReturnNoEngineType() {
		return new ArchCondition<>("take and return no type of the engine's own packages") {

			@Override
			public void check(JavaCodeUnit unit, ConditionEvents events) {
				Stream.concat(Stream.of(unit.getRawReturnType()), unit.getRawParameterTypes().stream())
					.filter(ArchitectureTests::isEngineType)
					.forEach((type) -> events
						.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + type.getName())));
			}

		};
	}

	private static boolean isEngineType(JavaClass type) {
		JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
		return List.of(ENGINE)
			.stream()
			.map((pattern) -> pattern.substring(0, pattern.length() - 2))
			.anyMatch(
					(prefix) -> base.getPackageName().equals(prefix) || base.getPackageName().startsWith(prefix + "."));
	}

}
