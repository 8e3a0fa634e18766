package dev.migrations.cli;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The command line uses the engine through its supported API only. */
class ApiUseTests {

	@Test
	void theCommandLineUsesNoEnginePackage() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.migrations.dialect..", "dev.migrations.format..", "dev.migrations.history..",
					"dev.migrations.internal..", "dev.migrations.lock..", "dev.migrations.parser..",
					"dev.migrations.verify..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("dev.migrations.cli"));
	}

}
