package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.incident.Incident;
import dev.changebot.domain.incident.IncidentReport;
import dev.changebot.domain.incident.IncidentSource;
import dev.changebot.domain.incident.IncidentStatus;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.DeploymentTarget;
import dev.changebot.domain.policy.IncidentScope;
import dev.changebot.domain.policy.Freeze;
import dev.changebot.domain.policy.FreezeSource;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StartCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The `incidents:` section and active-incident freezes scoped to the services an incident affects. */
class IncidentFreezesTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Instant FAR = NOW.plus(Duration.ofDays(3650));

    static final String POLICY = """
            version: 1
            id: incidents
            roles:
              sre: { usergroups: [sre] }
            services:
              payments-api: {}
              chat: {}
            incidents:
              severities: {P1: SEV1, P2: SEV2, critical: SEV1}
              services: {PABC123: payments-api, Payments API: payments-api}
              unmapped_services: %s
              cool_down: 15m
            freezes:
              incident:
                label: the incident freeze
                active_incidents: [SEV1, SEV2]
                scope: %s
            classes:
              normal:
                approval: [{ step: Review, roles: [sre] }]
            """;

    static Policy policy(String unmapped, String scope) {
        var load = PolicyReader.read("incidents.yaml", POLICY.formatted(unmapped, scope));
        assertThat(load).isInstanceOf(PolicyLoad.Loaded.class);
        return ((PolicyLoad.Loaded) load).policy();
    }

    static IncidentReport report(String key, String severity, List<List<String>> services, IncidentStatus status, Instant at) {
        return new IncidentReport(IncidentSource.PAGERDUTY, key, Optional.of("Payments down"), Optional.of(severity),
                services, Optional.of(status), List.of(), at);
    }

    static CalendarState state(Policy policy, Incident... incidents) {
        var spans = java.util.Arrays.stream(incidents)
                .flatMap(i -> i.freezeSpan(policy.incidentMapping().coolDown(), NOW, FAR).stream()).toList();
        return new CalendarState(List.of(), java.util.Map.of(), spans);
    }

    static StartCheck check(Policy policy, String service, CalendarState state) {
        return StartCheck.of(policy, policy.changeClass("normal").orElseThrow(), DeploymentTarget.of(service, "production"),
                state, NOW, Set.of());
    }

    @Test
    @DisplayName("the section and the freeze's scope are read; severities and services map without regard to case")
    void reads() {
        var policy = policy("all", "affected_services");
        assertThat(policy.freezes().get(0).source())
                .isEqualTo(new FreezeSource.ActiveIncidents(Set.of("SEV1", "SEV2"), IncidentScope.AFFECTED_SERVICES));
        var mapping = policy.incidentMapping();
        assertThat(mapping.severity("p1")).isEqualTo("SEV1");
        assertThat(mapping.severity("P4")).isEqualTo("P4");
        assertThat(mapping.coolDown()).isEqualTo(Duration.ofMinutes(15));
        assertThat(mapping.services(List.of(List.of("payments api"))).services()).containsExactly("payments-api");
        assertThat(mapping.services(List.of(List.of("chat"))).services()).as("a policy service stands for itself").containsExactly("chat");
    }

    @Test
    @DisplayName("scoped: a change on the affected service waits with the incident as the reason; another service goes")
    void scopedFreeze() {
        var policy = policy("all", "affected_services");
        var incident = Incident.first(3, report("Q1", "P2", List.of(List.of("PABC123")), IncidentStatus.TRIGGERED,
                NOW.minusSeconds(600)), policy.incidentMapping());
        var state = state(policy, incident);

        var payments = check(policy, "payments-api", state);
        assertThat(payments.allowed()).isFalse();
        assertThat(payments.blockingRules()).containsExactly("incident");
        assertThat(payments.summary()).contains("INC-3 SEV2 Payments down");
        assertThat(check(policy, "chat", state).allowed()).isTrue();
        assertThat(check(policy, "payments-api", state.remediating(Set.of("INC-3"))).allowed())
                .as("a change remediating the incident").isTrue();
    }

    @Test
    @DisplayName("scope all: every service waits; unknown severities freeze nothing")
    void unscopedAndUnknownSeverity() {
        var policy = policy("all", "all");
        var incident = Incident.first(1, report("Q1", "P2", List.of(List.of("PABC123")), IncidentStatus.TRIGGERED,
                NOW.minusSeconds(60)), policy.incidentMapping());
        assertThat(check(policy, "chat", state(policy, incident)).allowed()).isFalse();
        var minor = Incident.first(2, report("Q2", "P5", List.of(List.of("PABC123")), IncidentStatus.TRIGGERED,
                NOW.minusSeconds(60)), policy.incidentMapping());
        assertThat(minor.severity()).isEqualTo("P5");
        assertThat(check(policy, "payments-api", state(policy, minor)).allowed()).isTrue();
    }

    @Test
    @DisplayName("an incident on an unmapped service freezes all services, or none under unmapped_services: none")
    void unmappedServices() {
        var all = policy("all", "affected_services");
        var onUnknown = Incident.first(1, report("Q1", "P1", List.of(List.of("PZZZ")), IncidentStatus.TRIGGERED,
                NOW.minusSeconds(60)), all.incidentMapping());
        assertThat(onUnknown.servicesText()).isEqualTo("all services");
        assertThat(check(all, "chat", state(all, onUnknown)).allowed()).isFalse();

        var none = policy("none", "affected_services");
        var ignored = Incident.first(1, report("Q1", "P1", List.of(List.of("PZZZ")), IncidentStatus.TRIGGERED,
                NOW.minusSeconds(60)), none.incidentMapping());
        assertThat(check(none, "chat", state(none, ignored)).allowed()).isTrue();
        assertThat(check(none, "payments-api", state(none, ignored)).allowed()).isTrue();
    }

    @Test
    @DisplayName("resolved: the freeze lasts the cool-down, then lifts")
    void coolDown() {
        var policy = policy("all", "affected_services");
        var mapping = policy.incidentMapping();
        var incident = Incident.first(1, report("Q1", "P1", List.of(List.of("PABC123")), IncidentStatus.TRIGGERED,
                NOW.minusSeconds(3600)), mapping);
        var justResolved = incident.apply(report("Q1", "P1", List.of(), IncidentStatus.RESOLVED, NOW.minusSeconds(300)), mapping);
        assertThat(justResolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(check(policy, "payments-api", state(policy, justResolved)).allowed()).as("within the cool-down").isFalse();
        var longAgo = incident.apply(report("Q1", "P1", List.of(), IncidentStatus.RESOLVED, NOW.minusSeconds(900)), mapping);
        assertThat(check(policy, "payments-api", state(policy, longAgo)).allowed()).isTrue();
    }

    @Test
    @DisplayName("presets: POL-012 freezes only the affected services, POL-008 and chat-backend every service")
    void presets() {
        assertThat(incidentScope("pol-012")).isEqualTo(IncidentScope.AFFECTED_SERVICES);
        assertThat(incidentScope("pol-008")).isEqualTo(IncidentScope.ALL);
        assertThat(incidentScope("chat-backend")).isEqualTo(IncidentScope.ALL);
        var pol012 = ((PolicyLoad.Loaded) PolicyFiles.load("preset:pol-012")).policy();
        assertThat(pol012.incidents().declaredBy()).containsExactly("incident-commander");
    }

    @Test
    @DisplayName("bad incidents: sections and scopes are reported at their line")
    void problems() {
        var load = PolicyReader.read("bad.yaml", POLICY.formatted("some", "nearby")
                .replace("services: {PABC123: payments-api, Payments API: payments-api}", "services: {PABC123: payment-api}"));
        assertThat(load).isInstanceOfSatisfying(PolicyLoad.Invalid.class, invalid -> assertThat(invalid.problems().toString())
                .contains("bad.yaml:11:22: 'incidents.unmapped_services' must be all or none, not 'some'",
                        "bad.yaml:17:12: 'freezes.incident.scope' must be all or affected_services, not 'nearby'",
                        "bad.yaml:10:23: incidents.services maps to 'payment-api', which is not a service of the policy"));
    }

    static IncidentScope incidentScope(String preset) {
        var policy = ((PolicyLoad.Loaded) PolicyFiles.load("preset:" + preset)).policy();
        return policy.freezes().stream().map(Freeze::source).filter(FreezeSource.ActiveIncidents.class::isInstance)
                .map(FreezeSource.ActiveIncidents.class::cast).findFirst().orElseThrow().scope();
    }
}
