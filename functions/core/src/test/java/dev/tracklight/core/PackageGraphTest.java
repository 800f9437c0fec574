package dev.tracklight.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain's packages form a graph without cycles, so each can be read (and changed) from the leaves up. */
class PackageGraphTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tracklight.core");

    @Test
    void no_package_of_the_domain_depends_on_itself_through_another() {
        // GIVEN every production class of core WHEN sliced by its full package THEN no two slices point at each other
        slices().matching("dev.tracklight.core.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void the_domain_knows_nothing_of_aws_or_of_the_adapters_around_it() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "dev.tracklight.aws..")
                .check(CORE);
    }
}
