package dev.changebot.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.changebot.application.change.ChangeService;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.Changes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * The shape of the code, checked on every build: a plain-Java domain, use cases that see only
 * the domain, and adapters that never reach into each other.
 */
@AnalyzeClasses(packages = "dev.changebot", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    /** Micronaut generates $Bean$Definition classes beside our beans; only our own code is judged. */
    private static final String GENERATED = ".*\\.\\$.*";

    @ArchTest
    static final ArchRule domainIsPlainJava = classes()
            .that().resideInAPackage("dev.changebot.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.changebot.domain..")
            .because("the rules of change management must not depend on Slack, Micronaut, Quartz or JDBC");

    @ArchTest
    static final ArchRule domainHasNoCycles = slices()
            .matching("dev.changebot.domain.(*)..")
            .should().beFreeOfCycles()
            .because("each part of the domain builds on the ones below it: approvals do not know changes, rules know both");

    @ArchTest
    static final ArchRule rulesSeeOnlyTheDomain = classes()
            .that().resideInAPackage("dev.changebot.domain.rules..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.changebot.domain..")
            .because("the rules decide from the change, the command, the person and the situation alone");

    @ArchTest
    static final ArchRule onlyTheServiceLocksAndMovesAChange = noClasses()
            .that().doNotHaveFullyQualifiedName(ChangeService.class.getName())
            .and().haveNameNotMatching(GENERATED)
            .should().callMethod(Changes.class, "findForUpdate", String.class, ChangeId.class)
            .orShould().callMethod(Change.class, "apply", ChangeEvent.class)
            .because("every command on a change runs one sequence: lock, decide, apply, store, react");

    @ArchTest
    static final ArchRule slackHandlersDoNotReachStorage = noClasses()
            .that().resideInAPackage("dev.changebot.slack..")
            .should().dependOnClassesThat().resideInAPackage("dev.changebot.persistence..")
            .orShould().dependOnClassesThat().areAssignableTo(Changes.class)
            .orShould().dependOnClassesThat().areAssignableTo(Transactions.class)
            .because("handlers turn a request into a command or a question for a use case, and its outcome into words");

    @ArchTest
    static final ArchRule domainNeverReadsTheWallClock = noClasses()
            .that().resideInAPackage("dev.changebot.domain..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .because("time is passed in, so rules can be tested with a fixed clock");

    @ArchTest
    static final ArchRule applicationSeesOnlyTheDomain = classes()
            .that().resideInAPackage("dev.changebot.application..")
            .and().haveNameNotMatching(GENERATED)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.changebot.domain..",
                    "dev.changebot.application..", "jakarta.inject..", "jakarta.transaction..", "org.slf4j..")
            .because("use cases talk to the outside world only through ports");

    @ArchTest
    static final ArchRule adaptersDoNotReachIntoEachOther = slices()
            .matching("dev.changebot.(slack|persistence|scheduling|api|cli|policyfile|sandbox|keyfile|webhook)..")
            .should().notDependOnEachOther()
            // The CLI's whole job is to read policy files.
            .ignoreDependency(resideInAPackage("dev.changebot.cli.."), resideInAPackage("dev.changebot.policyfile.."))
            // ... and to show, use and rotate the audit signing key, kept where the bot keeps it.
            .ignoreDependency(resideInAPackage("dev.changebot.cli.."), resideInAPackage("dev.changebot.keyfile.."))
            .because("only config and factories wire several adapters together");

    @ArchTest
    static final ArchRule nothingDependsOnConfig = noClasses()
            .that().resideInAnyPackage("dev.changebot.domain..", "dev.changebot.application..",
                    "dev.changebot.slack..", "dev.changebot.persistence..", "dev.changebot.scheduling..",
                    "dev.changebot.api..", "dev.changebot.cli..", "dev.changebot.policyfile..", "dev.changebot.sandbox..",
                    "dev.changebot.keyfile..", "dev.changebot.webhook..")
            .and().haveNameNotMatching(GENERATED)
            .should().dependOnClassesThat().resideInAPackage("dev.changebot.config..");

    @ArchTest
    static final ArchRule theBotDoesNotKnowItIsInASandbox = noClasses()
            .that().resideInAnyPackage("dev.changebot.domain..", "dev.changebot.application..", "dev.changebot.slack..",
                    "dev.changebot.persistence..", "dev.changebot.scheduling..")
            .should().dependOnClassesThat().resideInAPackage("dev.changebot.sandbox..")
            .because("the sandbox plays Slack from outside: the bot's code path is the production one");
}
