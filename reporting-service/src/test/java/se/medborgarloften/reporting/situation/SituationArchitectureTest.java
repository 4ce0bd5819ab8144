package se.medborgarloften.reporting.situation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "se.medborgarloften.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class SituationArchitectureTest {

    @ArchTest
    static final ArchRule the_situation_rules_know_no_framework_broker_or_store = noClasses()
            .that()
            .resideInAPackage("se.medborgarloften.reporting.situation.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.apache.kafka..",
                    "com.mongodb..",
                    "org.bson..",
                    "tools.jackson..",
                    "com.fasterxml..",
                    "se.medborgarloften.platform..");

    @ArchTest
    static final ArchRule the_situation_picture_and_promise_progress_are_separate_features = noClasses()
            .that()
            .resideInAPackage("se.medborgarloften.reporting.situation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("se.medborgarloften.reporting.progress..");
}
