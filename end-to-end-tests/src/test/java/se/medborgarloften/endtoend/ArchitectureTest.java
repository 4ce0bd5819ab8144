package se.medborgarloften.endtoend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout rules a newcomer relies on: domains are plain Java, contracts are framework-free, services stand alone. */
class ArchitectureTest {

    static final String[] SERVICES = {"promise", "activity", "dialogue", "reporting"};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.medborgarloften");
    }

    @Test
    void domains_know_nothing_of_spring_kafka_or_mongo() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "org.bson..",
                        "com.mongodb..",
                        "jakarta..",
                        "tools.jackson..",
                        "com.fasterxml..",
                        "se.medborgarloften.platform..")
                .check(classes);
    }

    @Test
    void event_contracts_depend_on_the_jdk_alone() {
        noClasses()
                .that()
                .resideInAPackage("se.medborgarloften.contracts..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("se.medborgarloften.contracts..", "java..")
                .check(classes);
    }

    @Test
    void no_service_reaches_into_another() {
        for (String service : SERVICES) {
            for (String other : SERVICES) {
                if (!service.equals(other)) {
                    noClasses()
                            .that()
                            .resideInAPackage("se.medborgarloften." + service + "..")
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage("se.medborgarloften." + other + "..")
                            .check(classes);
                }
            }
        }
    }
}
