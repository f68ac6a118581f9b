package dev.changebot.sandbox.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The renderer is a pure function of the raw Block Kit JSON and the reader: no framework in it. */
@AnalyzeClasses(packages = "dev.changebot.sandbox.render", importOptions = ImportOption.DoNotIncludeTests.class)
class RendererIsPlainJavaTest {

    @ArchTest
    static final ArchRule onlyJava = classes().that().resideInAPackage("dev.changebot.sandbox.render..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.changebot.sandbox.render..")
            .because("the page's rendering rules are unit-tested without a server, Slack or a browser");
}
