package dev.changebot.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.policy.IncidentSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An incident's status only moves forward; details follow the newest report. */
class IncidentTest {

    static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    static final IncidentSettings SETTINGS = new IncidentSettings(Map.of("P1", "SEV1", "P2", "SEV2"),
            Map.of("PABC", "payments-api"), IncidentSettings.UnmappedServices.ALL, Duration.ZERO, java.util.Set.of(),
            Optional.empty());

    static IncidentReport report(Optional<IncidentStatus> status, Optional<String> severity, Instant at) {
        return new IncidentReport(IncidentSource.PAGERDUTY, "Q1", Optional.of("Payments down"), severity,
                List.of(List.of("PABC")), status, List.of("https://acme.pagerduty.com/incidents/Q1"), at);
    }

    @Test
    @DisplayName("triggered, acknowledged, resolved in order")
    void inOrder() {
        var incident = Incident.first(7, report(Optional.of(IncidentStatus.TRIGGERED), Optional.of("P2"), T0), SETTINGS);
        assertThat(incident.ref()).isEqualTo("INC-7");
        assertThat(incident.headline()).isEqualTo("INC-7 SEV2 Payments down");
        assertThat(incident.services()).containsExactly("payments-api");
        var acked = incident.apply(report(Optional.of(IncidentStatus.ACKNOWLEDGED), Optional.empty(), T0.plusSeconds(60)), SETTINGS);
        assertThat(acked.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(acked.status().open()).isTrue();
        var resolved = acked.apply(report(Optional.of(IncidentStatus.RESOLVED), Optional.empty(), T0.plusSeconds(120)), SETTINGS);
        assertThat(resolved.resolvedAt()).contains(T0.plusSeconds(120));
        assertThat(resolved.links()).containsExactly("https://acme.pagerduty.com/incidents/Q1");
        assertThat(resolved.freezeSpan(Duration.ZERO, T0.plusSeconds(180), T0.plusSeconds(9999))).isEmpty();
    }

    @Test
    @DisplayName("resolved delivered before triggered: stays resolved and never freezes")
    void outOfOrder() {
        var resolved = Incident.first(1, report(Optional.of(IncidentStatus.RESOLVED), Optional.of("P1"), T0.plusSeconds(60)), SETTINGS);
        var late = resolved.apply(report(Optional.of(IncidentStatus.TRIGGERED), Optional.of("P1"), T0), SETTINGS);
        assertThat(late.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(late.openedAt()).isEqualTo(T0);
        assertThat(late.freezeSpan(Duration.ZERO, T0.plusSeconds(61), T0.plusSeconds(9999))).isEmpty();
    }

    @Test
    @DisplayName("a priority change updates the severity; an older report does not undo a newer one")
    void priority() {
        var incident = Incident.first(1, report(Optional.of(IncidentStatus.TRIGGERED), Optional.of("P2"), T0), SETTINGS);
        var raised = incident.apply(report(Optional.empty(), Optional.of("P1"), T0.plusSeconds(60)), SETTINGS);
        assertThat(raised.severity()).isEqualTo("SEV1");
        assertThat(raised.status()).isEqualTo(IncidentStatus.TRIGGERED);
        var stale = raised.apply(report(Optional.empty(), Optional.of("P2"), T0.plusSeconds(30)), SETTINGS);
        assertThat(stale.severity()).isEqualTo("SEV1");
        var open = raised.freezeSpan(Duration.ZERO, T0.plusSeconds(90), T0.plusSeconds(9999)).orElseThrow();
        assertThat(open.severity()).isEqualTo("SEV1");
        assertThat(open.span().end()).isEqualTo(T0.plusSeconds(9999));
    }
}
