package dev.changebot.api;

import static dev.changebot.api.GateFixture.json;
import static dev.changebot.api.GateFixture.state;
import static dev.changebot.api.IncidentWebhooks.CHAT_CHECK;
import static dev.changebot.api.IncidentWebhooks.PAYMENTS_CHECK;
import static dev.changebot.api.IncidentWebhooks.PD_SECRET;
import static dev.changebot.api.IncidentWebhooks.pagerDuty;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.FakeSlackApi;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PagerDuty's {@code incident.reopened} (v3 webhooks, docs/webhooks/01-Overview.md "Event Types"):
 * a resolved incident re-triggered freezes again, its banner posted once more; a redelivery changes
 * nothing; deliveries out of order are put in order by the event's own {@code occurred_at}.
 */
@Timeout(180)
class IncidentReopenFlowTest {

    GateFixture gate;
    String token;

    @BeforeEach
    void start() {
        gate = new GateFixture("src/test/resources/policies/test-incidents.yaml", GateFixture.TUESDAY_10, Map.of(
                "changebot.pagerduty.webhook-secrets", PD_SECRET,
                "changebot.incident.workspace", FakeSlackApi.TEAM_ID,
                "changebot.incidents.thaw-initial-delay", "1h"));
        token = gate.token("ci");
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    private HttpResponse<String> post(String eventId, String type, String status, String occurredAt) {
        return IncidentWebhooks.postPagerDuty(gate, pagerDuty(eventId, type, status, occurredAt), PD_SECRET);
    }

    private List<String> channelPosts() {
        return IncidentWebhooks.channelPosts(gate);
    }

    private List<String> banners() {
        return channelPosts().stream().filter(text -> text.contains("frozen")).toList();
    }

    private String status() {
        return (String) gate.db.rows("SELECT status FROM incident WHERE external_key = 'PT4KHLK'").get(0).get("status");
    }

    @Test
    @DisplayName("trigger, resolve, reopen: the freeze applies again with one more banner; a redelivery of the reopen changes nothing")
    void reopenFreezesAgain() {
        assertThat(post("R1", "incident.triggered", "triggered", "2026-03-10T09:50:00Z").statusCode()).isEqualTo(202);
        post("R2", "incident.acknowledged", "acknowledged", "2026-03-10T09:51:00Z");
        post("R3", "incident.acknowledged", "acknowledged", "2026-03-10T09:52:00Z");
        assertThat(banners()).hasSize(1);
        assertThat(json(post("R4", "incident.resolved", "resolved", "2026-03-10T09:53:00Z")).get("status").getAsString())
                .isEqualTo("resolved");
        assertThat(state(gate.postCheck(token, "k-resolved", PAYMENTS_CHECK))).isEqualTo("allowed");
        assertThat(channelPosts()).filteredOn(text -> text.contains("Freeze lifted")).hasSize(1);

        var reopened = post("R5", "incident.reopened", "triggered", "2026-03-10T09:55:00Z");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(202);
        assertThat(json(reopened).get("received").getAsString()).isEqualTo("update");
        assertThat(json(reopened).get("incident").getAsString()).isEqualTo("INC-1");
        assertThat(json(reopened).get("status").getAsString()).isEqualTo("triggered");
        var payments = gate.postCheck(token, "k-reopened", PAYMENTS_CHECK);
        assertThat(state(payments)).isEqualTo("pending");
        assertThat(json(payments).getAsJsonArray("reasons").toString()).contains("INC-1 SEV1 The server is on fire.");
        assertThat(state(gate.postCheck(token, "k-chat", CHAT_CHECK))).as("another service").isEqualTo("allowed");
        assertThat(banners()).as("posted again, once, for the reopening").hasSize(2);
        assertThat(banners().get(0)).doesNotContain("frozen again");
        assertThat(banners().get(1)).contains("are frozen again*: reopened, INC-");

        var again = post("R5", "incident.reopened", "triggered", "2026-03-10T09:55:00Z");
        assertThat(json(again).get("received").getAsString()).isEqualTo("redelivery");
        assertThat(banners()).hasSize(2);
        assertThat(gate.db.rows("SELECT details->>'reported' AS reported, details->>'status' AS status FROM audit_note"
                + " WHERE kind = 'IncidentReported' AND details->>'eventId' = 'R5'")).as("one audit entry for the reopening")
                .singleElement().satisfies(row -> assertThat(row).containsEntry("reported", "reopened")
                        .containsEntry("status", "triggered"));
        assertThat(gate.db.rows("SELECT to_char(acknowledged_at AT TIME ZONE 'UTC', 'HH24:MI') AS ack,"
                + " resolved_at, to_char(reopened_at AT TIME ZONE 'UTC', 'HH24:MI') AS reopened FROM incident"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("ack", "09:51")
                        .containsEntry("resolved_at", null).containsEntry("reopened", "09:55"));

        post("R6", "incident.resolved", "resolved", "2026-03-10T09:57:00Z");
        assertThat(state(gate.postCheck(token, "k-resolved-again", PAYMENTS_CHECK))).isEqualTo("allowed");
        assertThat(channelPosts()).as("lifted again, with its digest").filteredOn(text -> text.contains("Freeze lifted"))
                .hasSize(2);
    }

    @Test
    @DisplayName("a reopen delivered before the resolve it follows: the late resolve is older than the reopen and leaves it open")
    void reopenBeforeResolve() {
        post("B1", "incident.triggered", "triggered", "2026-03-10T09:50:00Z");
        post("B3", "incident.reopened", "triggered", "2026-03-10T09:55:00Z");
        assertThat(status()).isEqualTo("TRIGGERED");
        var late = post("B2", "incident.resolved", "resolved", "2026-03-10T09:53:00Z");
        assertThat(json(late).get("status").getAsString()).isEqualTo("triggered");
        assertThat(state(gate.postCheck(token, "k-b", PAYMENTS_CHECK))).isEqualTo("pending");
        assertThat(banners()).as("it never stopped freezing").hasSize(1);

        post("B4", "incident.resolved", "resolved", "2026-03-10T09:57:00Z");
        assertThat(status()).isEqualTo("RESOLVED");
        assertThat(state(gate.postCheck(token, "k-b2", PAYMENTS_CHECK))).isEqualTo("allowed");
    }

    @Test
    @DisplayName("a reopen older than a resolve already applied leaves the incident resolved and posts nothing")
    void staleReopen() {
        post("S1", "incident.triggered", "triggered", "2026-03-10T09:50:00Z");
        post("S2", "incident.resolved", "resolved", "2026-03-10T09:52:00Z");
        // The reopen at 09:54 and its resolve at 09:56: the resolve is delivered first.
        post("S4", "incident.resolved", "resolved", "2026-03-10T09:56:00Z");
        var late = post("S3", "incident.reopened", "triggered", "2026-03-10T09:54:00Z");
        assertThat(json(late).get("status").getAsString()).isEqualTo("resolved");
        assertThat(status()).isEqualTo("RESOLVED");
        assertThat(state(gate.postCheck(token, "k-s", PAYMENTS_CHECK))).isEqualTo("allowed");
        assertThat(banners()).hasSize(1);
        assertThat(gate.db.rows("SELECT details->>'reported' AS reported, details->>'status' AS status FROM audit_note"
                + " WHERE kind = 'IncidentReported' AND details->>'eventId' = 'S3'")).as("recorded, as it came")
                .singleElement().satisfies(row -> assertThat(row).containsEntry("reported", "reopened")
                        .containsEntry("status", "resolved"));
    }
}
