package app.stamina.standalone;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The services depend on the contract and the shared edge and read-model support, never on each other. */
@AnalyzeClasses(packages = "app.stamina", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandServiceKnowsNoReadSide = noClasses().that().resideInAPackage("app.stamina.command..")
            .should().dependOnClassesThat().resideInAnyPackage("app.stamina.query..", "app.stamina.analytics..",
                    "app.stamina.readmodel..", "app.stamina.standalone..");

    @ArchTest
    static final ArchRule queryServiceKnowsNoOtherService = noClasses().that().resideInAPackage("app.stamina.query..")
            .should().dependOnClassesThat().resideInAnyPackage("app.stamina.command..", "app.stamina.analytics..",
                    "app.stamina.standalone..");

    @ArchTest
    static final ArchRule analyticsKnowsNoOtherService = noClasses().that().resideInAPackage("app.stamina.analytics..")
            .should().dependOnClassesThat().resideInAnyPackage("app.stamina.command..", "app.stamina.query..",
                    "app.stamina.standalone..");

    @ArchTest
    static final ArchRule sharedModulesKnowNoService = noClasses()
            .that().resideInAnyPackage("app.stamina.edge..", "app.stamina.readmodel..", "app.stamina.api..")
            .should().dependOnClassesThat().resideInAnyPackage("app.stamina.command..", "app.stamina.query..",
                    "app.stamina.analytics..", "app.stamina.standalone..");
}
