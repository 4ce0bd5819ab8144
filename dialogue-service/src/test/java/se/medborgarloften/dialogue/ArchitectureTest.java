package se.medborgarloften.dialogue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "se.medborgarloften.dialogue", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_knows_no_framework_broker_or_store = noClasses()
            .that()
            .resideInAPackage("..domain..")
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
    static final ArchRule dialogues_and_surveys_are_separate_features = noClasses()
            .that()
            .resideInAPackage("se.medborgarloften.dialogue.survey..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("se.medborgarloften.dialogue.dialogue..");
}
