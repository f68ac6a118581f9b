package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.policy.ApprovalStep;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.RuleScope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A valid `environments:` and `services:` section, and scoped freezes and windows, as the domain reads them. */
class ServicesSectionTest {

    static final String POLICY = """
            version: 1
            id: places
            roles:
              reviewer: { usergroups: [reviewers] }
            environments: [staging, production, dr]
            services:
              api: {}
              homepage:
                depends_on: [api]
                label: Homepage
                owner: reviewer
                environments: [production]
                class_overrides: {standard: normal}
                approval:
                  - {step: Explicit approval before push, roles: [reviewer], count: 1}
            windows:
              business-hours:
                weekly: [{days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00"}]
                applies_to_environments: [production]
            freezes:
              launch:
                label: Homepage launch freeze
                periods: [{from: 2026-05-04T00:00, to: 2026-05-09T00:00}]
                applies_to_services: [homepage]
            classes:
              standard:
                pre_approved: true
              normal:
                approval: [{ step: Review, roles: [reviewer] }]
                windows: [business-hours]
                soak:
                  - {environment: staging, duration: 1h}
            """;

    @Test
    @DisplayName("environments as a list keep their order; services, overrides, steps and scopes are read as written")
    void readsTheSections() {
        var policy = load(POLICY);

        assertThat(policy.environments()).containsExactly("staging", "production", "dr");
        assertThat(policy.environmentLabel("dr")).isEqualTo("dr");
        assertThat(policy.services().keySet()).containsExactly("api", "homepage");
        var homepage = policy.service("homepage").orElseThrow();
        assertThat(homepage.label()).isEqualTo("Homepage");
        assertThat(homepage.owner()).isEqualTo("reviewer");
        assertThat(homepage.environments()).containsExactly("production");
        assertThat(homepage.classOverrides()).isEqualTo(Map.of("standard", "normal"));
        assertThat(homepage.extraSteps()).containsExactly(
                new ApprovalStep("Explicit approval before push", Set.of("reviewer"), 1));
        assertThat(policy.service("api").orElseThrow().label()).isEqualTo("api");
        assertThat(homepage.dependsOn()).containsExactly("api");
        assertThat(policy.service("api").orElseThrow().dependsOn()).isEmpty();
        assertThat(policy.dependent("api", "homepage")).isTrue();
        assertThat(policy.dependent("homepage", "api")).isTrue();
        assertThat(policy.dependent("api", "api")).as("the same service is not a dependency").isFalse();
        assertThat(policy.environmentsOf(java.util.Optional.of("api"))).containsExactly("staging", "production", "dr");
        assertThat(policy.windowScope("business-hours")).isEqualTo(new RuleScope(Set.of(), Set.of("production")));
        assertThat(policy.freezes()).singleElement()
                .satisfies(f -> assertThat(f.scope()).isEqualTo(new RuleScope(Set.of("homepage"), Set.of())));
    }

    @Test
    @DisplayName("without the sections: the soak stages and production, no services, nothing scoped")
    void withoutTheSections() {
        var policy = load(POLICY.replaceAll("(?s)environments: \\[staging, production, dr\\]\\nservices:.*?windows:", "windows:")
                .replace("    applies_to_environments: [production]\n", "")
                .replace("    applies_to_services: [homepage]\n", ""));

        assertThat(policy.environments()).isEqualTo(List.of("staging", "production"));
        assertThat(policy.hasServices()).isFalse();
        assertThat(policy.windowScope("business-hours")).isEqualTo(RuleScope.EVERYWHERE);
        assertThat(policy.freezes().get(0).scope()).isEqualTo(RuleScope.EVERYWHERE);
    }

    private static Policy load(String text) {
        var load = PolicyReader.read("places.yaml", text);
        assertThat(load).as(load.toString()).isInstanceOf(PolicyLoad.Loaded.class);
        return ((PolicyLoad.Loaded) load).policy();
    }
}
