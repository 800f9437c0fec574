package dev.tracklight.aws;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The AWS adapters' packages form a graph without cycles, like the domain's. */
class PackageGraphTest {

    @Test
    void no_package_of_the_adapters_depends_on_itself_through_another() {
        var adapters = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tracklight.aws");
        slices().matching("dev.tracklight.aws.(**)").should().beFreeOfCycles().check(adapters);
    }
}
