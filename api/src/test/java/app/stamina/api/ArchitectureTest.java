package app.stamina.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The contract stays a contract: no Spring, no persistence, nothing of the services. */
@AnalyzeClasses(packages = "app.stamina.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiIsFreeOfSpringAndPersistence = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.springframework.data..");

    @ArchTest
    static final ArchRule apiKnowsNoService = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("app.stamina.command..", "app.stamina.query..", "app.stamina.analytics..",
                    "app.stamina.standalone..");
}
