package se.medborgarloften.dialogue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Feature boundaries inside the service; the framework-free domain rule for every service is in end-to-end-tests. */
@AnalyzeClasses(packages = "se.medborgarloften.dialogue", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dialogues_and_surveys_are_separate_features = noClasses()
            .that()
            .resideInAPackage("se.medborgarloften.dialogue.survey..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("se.medborgarloften.dialogue.dialogue..");
}
