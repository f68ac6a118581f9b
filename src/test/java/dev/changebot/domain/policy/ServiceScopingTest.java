package dev.changebot.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.domain.calendar.WeeklyRange;
import dev.changebot.domain.calendar.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Services and environments in the policy: scoped freezes and windows, per-service rules, the CI gate's question. */
class ServiceScopingTest {

    /** Saturday noon: inside the weekend freeze, outside business hours. */
    static final Instant SATURDAY = Instant.parse("2026-03-07T12:00:00Z");
    /** Tuesday noon: no freeze, inside business hours. */
    static final Instant TUESDAY = Instant.parse("2026-03-10T12:00:00Z");

    static final Map<String, String> ENVIRONMENTS = Map.of("staging", "Staging", "production", "Production");
    static final ApprovalStep PUSH_APPROVAL = new ApprovalStep("Explicit approval before push", Set.of("reviewers"), 1);
    static final Service API = new Service("api", "API", "", List.of(), Map.of(), List.of());
    static final Service HOMEPAGE = new Service("homepage", "Homepage", "reviewers", List.of("production"),
            Map.of("standard", "normal"), List.of(PUSH_APPROVAL));

    @Test
    @DisplayName("a freeze scoped to production does not block a staging change; an unknown environment is in scope")
    void freezeScopedToProduction() {
        var policy = withWeekendFreeze(new RuleScope(Set.of(), Set.of("production")));
        var normal = policy.changeClass("normal").orElseThrow();

        assertThat(check(policy, normal, DeploymentTarget.of("api", "staging"), SATURDAY).allowed()).isTrue();
        var production = check(policy, normal, DeploymentTarget.of("api", "production"), SATURDAY);
        assertThat(production.allowed()).isFalse();
        assertThat(production.blockingRules()).containsExactly("weekend");
        assertThat(check(policy, normal, DeploymentTarget.ANYWHERE, SATURDAY).allowed()).isFalse();
        assertThat(check(policy, normal, DeploymentTarget.of("api", "production"), TUESDAY).allowed()).isTrue();
    }

    @Test
    @DisplayName("a freeze scoped to one service does not block another")
    void freezeScopedToService() {
        var policy = withWeekendFreeze(new RuleScope(Set.of("homepage"), Set.of()));
        var normal = policy.changeClass("normal").orElseThrow();

        assertThat(check(policy, normal, DeploymentTarget.of("api", "production"), SATURDAY).allowed()).isTrue();
        assertThat(check(policy, normal, DeploymentTarget.of("homepage", "production"), SATURDAY).blockingRules())
                .containsExactly("weekend");
        assertThat(check(policy, normal, new DeploymentTarget(Optional.empty(), Optional.of("production")), SATURDAY)
                .allowed()).as("a change that names no service").isFalse();
    }

    @Test
    @DisplayName("a window scoped to production restricts production only; staging may start any time")
    void windowScopedToProduction() {
        var policy = withBusinessHours(new RuleScope(Set.of(), Set.of("production")));
        var normal = policy.changeClass("normal").orElseThrow();

        assertThat(check(policy, normal, DeploymentTarget.of("api", "staging"), SATURDAY).allowed()).isTrue();
        var production = check(policy, normal, DeploymentTarget.of("api", "production"), SATURDAY);
        assertThat(production.allowed()).isFalse();
        assertThat(production.blockingRules()).containsExactly("business-hours");
        assertThat(check(policy, normal, DeploymentTarget.of("api", "production"), TUESDAY).allowed()).isTrue();
    }

    @Test
    @DisplayName("the gate applies the service's class override before the calendar, and says when it opens")
    void gateAppliesClassOverride() {
        // Business hours bind "normal" only; a standard homepage change is handled as normal.
        var policy = withBusinessHours(RuleScope.EVERYWHERE);

        var api = DeploymentGate.check(policy, "standard", Optional.of("api"), "production", CalendarState.QUIET, SATURDAY);
        var homepage = DeploymentGate.check(policy, "standard", Optional.of("homepage"), "production",
                CalendarState.QUIET, SATURDAY);

        assertThat(api.allowed()).isTrue();
        assertThat(homepage.allowed()).isFalse();
        assertThat(homepage.blockingRules()).containsExactly("business-hours");
        assertThat(homepage.summary()).contains("Normal change").contains("opens Mon 10:00 UTC");
        assertThat(DeploymentGate.check(policy, "standard", Optional.of("homepage"), "production", CalendarState.QUIET,
                TUESDAY).allowed()).isTrue();
    }

    @Test
    @DisplayName("the gate refuses names the policy does not have, and environments outside the service's, in words")
    void gateRefusesUnknownNames() {
        var policy = withBusinessHours(RuleScope.EVERYWHERE);

        assertThatThrownBy(() -> DeploymentGate.check(policy, "huge", Optional.empty(), "production",
                CalendarState.QUIET, TUESDAY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no class 'huge' in the policy; its classes are normal, standard.");
        assertThatThrownBy(() -> DeploymentGate.check(policy, "normal", Optional.of("shop"), "production",
                CalendarState.QUIET, TUESDAY)).hasMessage("There is no service 'shop' in the policy; its services are api, homepage.");
        assertThatThrownBy(() -> DeploymentGate.check(policy, "normal", Optional.of("homepage"), "staging",
                CalendarState.QUIET, TUESDAY)).hasMessage("'staging' is not an environment of service homepage; it has production.");
        assertThat(DeploymentGate.check(policy, "normal", Optional.of("api"), "staging", CalendarState.QUIET, SATURDAY)
                .allowed()).as("api goes to every environment; business hours bind normal").isFalse();
    }

    @Test
    @DisplayName("a service's extra steps follow the class's; a pre-approved class then waits for them")
    void extraApprovalSteps() {
        var policy = withBusinessHours(RuleScope.EVERYWHERE);
        var normal = policy.changeClass("normal").orElseThrow();
        var standard = policy.changeClass("standard").orElseThrow();

        assertThat(policy.stepsFor(normal, Optional.empty(), Optional.of("homepage"))).extracting(ApprovalStep::name)
                .containsExactly("Review", "Explicit approval before push");
        assertThat(policy.stepsFor(standard, Optional.empty(), Optional.of("homepage"))).containsExactly(PUSH_APPROVAL);
        assertThat(policy.stepsFor(standard, Optional.empty(), Optional.of("api"))).isEmpty();
        assertThat(policy.stepsFor(normal, Optional.empty(), Optional.empty())).extracting(ApprovalStep::name)
                .containsExactly("Review");
        assertThat(policy.classFor(standard, Optional.of("homepage")).name()).isEqualTo("normal");
        assertThat(policy.classFor(standard, Optional.of("api")).name()).isEqualTo("standard");
    }

    @Test
    @DisplayName("declared environments are the policy's, in order; without them, soak stages then production")
    void environments() {
        var declared = withPlaces(PolicyFixtures.stagedDeployments(), List.of(), Map.of());
        assertThat(declared.environments()).containsExactly("staging", "production");
        assertThat(declared.environmentLabel("staging")).isEqualTo("Staging");
        assertThat(declared.environmentsOf(Optional.of("homepage"))).containsExactly("production");
        assertThat(declared.environmentsOf(Optional.of("api"))).containsExactly("staging", "production");
        assertThat(PolicyFixtures.stagedDeployments().environments()).containsExactly("staging", "production");
        assertThat(PolicyFixtures.oneReviewer().environments()).containsExactly("production");
        assertThat(PolicyFixtures.oneReviewer().hasServices()).isFalse();
    }

    @Test
    @DisplayName("a service deployed only to production skips its class's staging soak")
    void planWithinServiceEnvironments() {
        var policy = withPlaces(PolicyFixtures.stagedDeployments(), List.of(), Map.of());
        var normal = policy.changeClass("normal").orElseThrow();

        assertThat(policy.planFor(normal, Optional.of("api")).mustPassBefore("production")).containsExactly("staging");
        assertThat(policy.planFor(normal, Optional.of("homepage")).mustPassBefore("production")).isEmpty();
        assertThat(policy.planFor(normal, Optional.of("homepage")).next(List.of(), 0).orElseThrow().environment())
                .isEqualTo("production");
    }

    private static StartCheck check(Policy policy, ChangeClass changeClass, DeploymentTarget target, Instant at) {
        return StartCheck.of(policy, changeClass, target, CalendarState.QUIET, at, Set.of());
    }

    private static Policy withWeekendFreeze(RuleScope scope) {
        var weekend = new WeeklySchedule(ZoneOffset.UTC, List.of(new WeeklyRange(DayOfWeek.FRIDAY,
                LocalTime.of(16, 0), DayOfWeek.MONDAY, LocalTime.of(8, 0))));
        var freeze = new Freeze("weekend", "the weekend freeze", new FreezeSource.Scheduled(weekend), Set.of(),
                Override.NOBODY, scope);
        return withPlaces(PolicyFixtures.oneReviewer(), List.of(freeze), Map.of());
    }

    private static Policy withBusinessHours(RuleScope scope) {
        var base = PolicyFixtures.businessHoursOnly(Override.NOBODY);
        return withPlaces(base, base.freezes(), Map.of("business-hours", scope));
    }

    /** The fixture with staging and production, the api and homepage services, and these freezes and window scopes. */
    private static Policy withPlaces(Policy p, List<Freeze> freezes, Map<String, RuleScope> windowScopes) {
        var environments = new LinkedHashMap<String, String>();
        environments.put("staging", ENVIRONMENTS.get("staging"));
        environments.put("production", ENVIRONMENTS.get("production"));
        var services = new LinkedHashMap<String, Service>();
        services.put("api", API);
        services.put("homepage", HOMEPAGE);
        return new Policy(p.id(), p.name(), p.zone(), p.roles(), p.approvals(), p.classes(), p.defaultClass(),
                p.questionnaire(), p.matrix(), p.windows(), freezes, p.businessCalendar(), p.reminders(), p.audit(),
                environments, services, windowScopes, p.api());
    }
}
