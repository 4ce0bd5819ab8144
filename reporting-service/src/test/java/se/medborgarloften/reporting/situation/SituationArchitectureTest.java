package se.medborgarloften.reporting.situation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Feature boundaries inside the service; the framework-free domain rule for every service is in end-to-end-tests. */
@AnalyzeClasses(packages = "se.medborgarloften.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class SituationArchitectureTest {

    @ArchTest
    static final ArchRule the_situation_picture_and_promise_progress_are_separate_features = noClasses()
            .that()
            .resideInAPackage("se.medborgarloften.reporting.situation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("se.medborgarloften.reporting.progress..");
}
