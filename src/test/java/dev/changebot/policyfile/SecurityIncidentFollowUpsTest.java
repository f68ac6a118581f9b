package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Obligation;
import dev.changebot.domain.rules.ChangeRules;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * chat-backend, "Security Incident Response": an emergency declared --sev security owes the
 * mitigation within 1 hour, the remediation within 4 and the security retrospective within 24; one
 * of another severity, or of none, does not (owed_without_severity: false).
 */
class SecurityIncidentFollowUpsTest {

    private static final Instant DECLARED = Instant.parse("2026-03-10T10:00:00Z");

    @Test
    @DisplayName("chat-backend Security Incident Response: mitigation 1 h, remediation 4 h, retrospective 24 h, only for security incidents")
    void securityTimeline() {
        var policy = ((PolicyLoad.Loaded) PolicyFiles.load("preset:chat-backend")).policy();
        var emergency = policy.emergencyClass().orElseThrow();
        var rules = new ChangeRules();

        var security = rules.obligations(emergency, Optional.of("security"), DECLARED, policy);
        var p1 = rules.obligations(emergency, Optional.of("P1"), DECLARED, policy);
        var unlabelled = rules.obligations(emergency, Optional.empty(), DECLARED, policy);

        assertThat(security).extracting(o -> o.name() + " " + o.dueAt()).contains(
                "security-mitigation 2026-03-10T11:00:00Z", "security-remediation 2026-03-10T14:00:00Z",
                "security-retrospective 2026-03-11T10:00:00Z");
        assertThat(security.stream().filter(o -> o.name().equals("security-retrospective")).findFirst().orElseThrow()
                .roles()).containsExactly("security-lead");
        assertThat(p1).extracting(Obligation::name).doesNotContain("security-mitigation", "security-remediation",
                "security-retrospective", "executive-report");
        assertThat(unlabelled).extracting(Obligation::name).contains("executive-report")
                .doesNotContain("security-mitigation");
    }
}
