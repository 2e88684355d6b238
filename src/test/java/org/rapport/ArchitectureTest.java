package org.rapport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which package may depend on which: the domain on nothing but Java, no cycles between the
 * packages under org.rapport, and the REST resources used by nobody. Plain JUnit over the main
 * classes (no Quarkus, no database): it runs in a second or two.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rapport");
    }

    @Test
    void the_domain_is_plain_java() {
        noClasses().that().resideInAPackage("org.rapport.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "org.eclipse.microprofile..",
                        "com.fasterxml.jackson..", "org.apache.kafka..", "io.cloudevents..", "java.sql..")
                .orShould().dependOnClassesThat(
                        resideInAPackage("org.rapport..").and(not(resideInAPackage("org.rapport.domain.."))))
                .because("the rules are plain Java: no framework, and nothing of the service around them")
                .check(classes);
    }

    @Test
    void the_top_level_packages_have_no_cycles() {
        slices().matching("org.rapport.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_api_is_used_by_nobody() {
        noClasses().that().resideInAPackage("org.rapport..")
                .and().resideOutsideOfPackages("org.rapport.api..", "org.rapport.devstack..")
                .should().dependOnClassesThat().resideInAPackage("org.rapport.api..")
                .because("the REST resources are the outermost layer: nothing inside calls out to them")
                .check(classes);
    }

    @Test
    void storage_never_calls_up() {
        noClasses().that().resideInAPackage("org.rapport.eventstore..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rapport.health..", "org.rapport.ledger..",
                        "org.rapport.api..", "org.rapport.publish..", "org.rapport.security..")
                .because("the event store knows the events, not who reads or records them")
                .check(classes);
    }
}
