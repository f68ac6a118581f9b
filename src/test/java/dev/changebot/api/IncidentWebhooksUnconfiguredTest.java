package dev.changebot.api;

import static dev.changebot.api.GateFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Without their secrets the incident webhooks answer 503 with the variable to set, as /github/webhook does. */
@Timeout(120)
class IncidentWebhooksUnconfiguredTest {

    final GateFixture gate = new GateFixture();

    @AfterEach
    void stop() {
        gate.close();
    }

    @Test
    @DisplayName("each route names its own variable; nothing is recorded")
    void notConfigured() {
        var routes = Map.of("/webhooks/pagerduty", "CHANGEBOT_PAGERDUTY_WEBHOOK_SECRETS",
                "/webhooks/incident-io", "CHANGEBOT_INCIDENTIO_WEBHOOK_SECRET",
                "/webhooks/incidents", "CHANGEBOT_INCIDENT_WEBHOOK_SECRET");
        routes.forEach((path, variable) -> {
            var response = gate.postWith(path, Map.of(), "{\"event_id\":\"e\",\"incident_id\":\"i\"}");
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(json(response).get("error").getAsString()).isEqualTo("not_configured");
            assertThat(json(response).get("message").getAsString()).contains(variable);
        });
        assertThat(json(gate.postWith("/webhooks/incidents", Map.of(), "{}")).get("message").getAsString())
                .isEqualTo("Generic incident webhooks are not configured: set CHANGEBOT_INCIDENT_WEBHOOK_SECRET.");
        assertThat(gate.db.count("incident_delivery")).isZero();
    }
}
