package dev.changebot.api;

import static dev.changebot.api.GateFixture.id;
import static dev.changebot.api.GateFixture.json;
import static dev.changebot.api.GateFixture.state;
import static dev.changebot.api.IncidentWebhooks.CHAT_CHECK;
import static dev.changebot.api.IncidentWebhooks.GENERIC_SECRET;
import static dev.changebot.api.IncidentWebhooks.IO_SECRET;
import static dev.changebot.api.IncidentWebhooks.PAYMENTS_CHECK;
import static dev.changebot.api.IncidentWebhooks.PD_SECRET;
import static dev.changebot.api.IncidentWebhooks.PD_SECRET_OLD;
import static dev.changebot.api.IncidentWebhooks.hex;
import static dev.changebot.api.IncidentWebhooks.hmac;
import static dev.changebot.api.IncidentWebhooks.pagerDuty;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.FakeSlackApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 18 end to end: incidents from PagerDuty, incident.io and the generic webhook, with payloads
 * shaped as each provider documents them and signatures computed here from the providers' specs (not
 * with the app's code), freeze the affected service at the gate, and lift on resolution.
 */
@Timeout(180)
class IncidentFreezeFlowTest {

    GateFixture gate;
    String token;

    @BeforeEach
    void start() {
        gate = new GateFixture("src/test/resources/policies/test-incidents.yaml", GateFixture.TUESDAY_10, Map.of(
                "changebot.pagerduty.webhook-secrets", PD_SECRET_OLD + "," + PD_SECRET,
                "changebot.incidentio.webhook-secret", IO_SECRET,
                "changebot.incident.webhook-secret", GENERIC_SECRET,
                "changebot.incident.workspace", FakeSlackApi.TEAM_ID,
                "changebot.incidents.thaw-initial-delay", "1h"));
        token = gate.token("ci");
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    private java.net.http.HttpResponse<String> postPagerDuty(String body, String secret) {
        return IncidentWebhooks.postPagerDuty(gate, body, secret);
    }

    private java.util.List<String> channelPosts() {
        return IncidentWebhooks.channelPosts(gate);
    }

    @Test
    @DisplayName("PagerDuty: trigger freezes payments-api only (the incident is the reason), a remediation goes; resolve lifts it")
    void pagerDutyTriggerAndResolve() throws Exception {
        var triggered = postPagerDuty(pagerDuty("01DEV1", "incident.triggered", "triggered", "2026-03-10T09:59:00Z"), PD_SECRET);
        assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(202);
        assertThat(json(triggered).get("incident").getAsString()).isEqualTo("INC-1");
        var again = postPagerDuty(pagerDuty("01DEV1", "incident.triggered", "triggered", "2026-03-10T09:59:00Z"), PD_SECRET_OLD);
        assertThat(json(again).get("received").getAsString()).as("a redelivery, signed with the other secret").isEqualTo("redelivery");
        assertThat(gate.db.count("incident")).isEqualTo(1);
        assertThat(channelPosts()).filteredOn(text -> text.contains("frozen")).singleElement().satisfies(text ->
                assertThat(text).contains("Changes to payments-api are frozen", "INC-1 SEV1 The server is on fire."));

        var payments = gate.postCheck(token, "k-payments", PAYMENTS_CHECK);
        assertThat(state(payments)).isEqualTo("pending");
        assertThat(json(payments).getAsJsonArray("reasons").toString()).contains("INC-1 SEV1 The server is on fire.");
        assertThat(state(gate.postCheck(token, "k-chat", CHAT_CHECK))).as("another service").isEqualTo("allowed");

        // The change the pending check made (CHG-1) is linked as the incident's remediation: it goes.
        assertThat(gate.say("U0IC", "incident remediate INC-1 CHG-1")).contains("Linked CHG-1 as a remediation of INC-1");
        gate.settle();
        assertThat(state(gate.get("/api/v1/gate/checks/" + id(payments), token))).isEqualTo("allowed");

        var waiting = gate.postCheck(token, "k-waiting", PAYMENTS_CHECK);
        assertThat(state(waiting)).isEqualTo("pending");
        var poll = gate.longPoll(id(waiting), token, 60);
        postPagerDuty(pagerDuty("01DEV2", "incident.acknowledged", "acknowledged", "2026-03-10T09:59:20Z"), PD_SECRET);
        assertThat(poll).as("acknowledged is still open").isNotDone();

        var resolvedAt = System.nanoTime();
        var resolved = postPagerDuty(pagerDuty("01DEV3", "incident.resolved", "resolved", "2026-03-10T09:59:40Z"), PD_SECRET);
        assertThat(json(resolved).get("status").getAsString()).isEqualTo("resolved");
        var answer = poll.get(20, TimeUnit.SECONDS);
        assertThat(state(answer)).isEqualTo("allowed");
        assertThat(Duration.ofNanos(System.nanoTime() - resolvedAt)).isLessThan(Duration.ofSeconds(2));
        assertThat(channelPosts()).filteredOn(text -> text.contains("Freeze lifted")).singleElement()
                .satisfies(text -> assertThat(text).contains("INC-1", "payments-api"));
    }

    @Test
    @DisplayName("PagerDuty: resolved delivered before triggered leaves the incident resolved, freezing nothing")
    void outOfOrder() {
        postPagerDuty(pagerDuty("02R", "incident.resolved", "resolved", "2026-03-10T09:59:30Z"), PD_SECRET);
        var late = postPagerDuty(pagerDuty("02T", "incident.triggered", "triggered", "2026-03-10T09:59:00Z"), PD_SECRET);

        assertThat(json(late).get("status").getAsString()).isEqualTo("resolved");
        assertThat(state(gate.postCheck(token, "k-ooo", PAYMENTS_CHECK))).isEqualTo("allowed");
        assertThat(channelPosts()).noneMatch(text -> text.contains("frozen"));
    }

    @Test
    @DisplayName("PagerDuty: bad, missing or foreign signatures are 401 and record nothing; other event types are ignored")
    void pagerDutyRefusals() {
        var body = pagerDuty("03", "incident.triggered", "triggered", "2026-03-10T09:59:00Z");
        assertThat(postPagerDuty(body, "not-our-secret").statusCode()).isEqualTo(401);
        assertThat(gate.postWith("/webhooks/pagerduty", Map.of(), body).statusCode()).isEqualTo(401);
        assertThat(gate.postWith("/webhooks/pagerduty", Map.of("X-PagerDuty-Signature", "v1=" + hex(hmac(
                PD_SECRET.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)))),
                body.replace("P1", "P2")).statusCode()).as("a tampered body").isEqualTo(401);
        var stale = pagerDuty("04", "incident.triggered", "triggered", "2026-03-08T09:59:00Z");
        assertThat(postPagerDuty(stale, PD_SECRET).statusCode()).as("a replay of a days-old event").isEqualTo(401);
        assertThat(gate.db.count("incident")).isZero();
        assertThat(gate.db.count("incident_delivery")).isZero();

        var annotated = postPagerDuty(pagerDuty("05", "incident.annotated", "triggered", "2026-03-10T09:59:00Z"), PD_SECRET);
        assertThat(annotated.statusCode()).isEqualTo(202);
        assertThat(json(annotated).get("received").getAsString()).isEqualTo("ignored");
        assertThat(gate.db.count("incident")).isZero();
    }

    /** incident.io's public_incident.incident_created_v2, as its docs show it, with an "Affected services" catalog field. */
    static String incidentIo(String type, String category, String severity) {
        return """
                {"event_type":"%1$s","%1$s":{"id":"01FDAG4SAP5TYPT98WGR2N7W91","name":"Our database is sad",
                "reference":"INC-123","permalink":"https://app.incident.io/incidents/123","mode":"standard","visibility":"public",
                "created_at":"2026-03-10T09:58:00Z","updated_at":"2026-03-10T09:59:00Z","slack_channel_id":"C0INC123","slack_team_id":"T0CHANGE",
                "incident_status":{"id":"01FCNDV6P870EA6S7TK1DSYD5H","name":"Investigating","category":"%2$s","rank":4},
                "severity":{"id":"01FCNDV6P870EA6S7TK1DSYDG0","name":"%3$s","description":"Issues causing significant impact.","rank":1},
                "custom_field_entries":[{"custom_field":{"id":"01FCNDV6P870EA6S7TK1DSYDG1","name":"Affected services","field_type":"multi_select","description":"Which services?","options":[]},
                "values":[{"value_catalog_entry":{"id":"01FCNDV6P870EA6S7TK1DSYDG2","name":"Payments Service","external_id":"payments"}}]}]}}
                """.formatted(type, category, severity);
    }

    java.net.http.HttpResponse<String> postIncidentIo(String id, long timestamp, String body) {
        var key = Base64.getDecoder().decode(IO_SECRET.substring("whsec_".length()));
        var signature = Base64.getEncoder().encodeToString(hmac(key, (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return gate.postWith("/webhooks/incident-io", Map.of("webhook-id", id, "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", "v1," + signature), body);
    }

    @Test
    @DisplayName("incident.io: created freezes the catalog's service; a stale timestamp is a replay (401); closed lifts it")
    void incidentIo() {
        long now = gate.clock.instant().getEpochSecond();
        var created = postIncidentIo("msg_1", now, incidentIo("public_incident.incident_created_v2", "live", "Major"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        assertThat(state(gate.postCheck(token, "k-io", PAYMENTS_CHECK))).isEqualTo("pending");
        assertThat(state(gate.postCheck(token, "k-io-chat", CHAT_CHECK))).isEqualTo("allowed");
        assertThat(gate.db.rows("SELECT channel_id FROM incident").get(0)).containsEntry("channel_id", "C0INC123");
        assertThat(postIncidentIo("msg_2", now - 600, incidentIo("public_incident.incident_updated_v2", "closed", "Major"))
                .statusCode()).isEqualTo(401);

        var closed = postIncidentIo("msg_3", now, incidentIo("public_incident.incident_updated_v2", "closed", "Major"));
        assertThat(json(closed).get("status").getAsString()).isEqualTo("resolved");
        assertThat(state(gate.postCheck(token, "k-io-after", PAYMENTS_CHECK))).isEqualTo("allowed");
        var followUp = postIncidentIo("msg_4", now, "{\"event_type\":\"public_incident.follow_up_created_v1\",\"public_incident.follow_up_created_v1\":{\"id\":\"x\"}}");
        assertThat(json(followUp).get("received").getAsString()).isEqualTo("ignored");
    }

    java.net.http.HttpResponse<String> postGeneric(long timestamp, String body) {
        var signature = hex(hmac(GENERIC_SECRET.getBytes(StandardCharsets.UTF_8), (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return gate.postWith("/webhooks/incidents", Map.of("X-Changebot-Timestamp", String.valueOf(timestamp),
                "X-Changebot-Signature", "v1=" + signature), body);
    }

    @Test
    @DisplayName("generic webhook: an unknown service freezes every service; an unknown severity is kept and freezes nothing")
    void generic() {
        long now = gate.clock.instant().getEpochSecond();
        var unknownService = postGeneric(now, "{\"event_id\":\"g1\",\"incident_id\":\"ops-7\",\"status\":\"triggered\","
                + "\"title\":\"Queue backlog\",\"severity\":\"SEV2\",\"services\":[\"billing-worker\"]}");
        assertThat(unknownService.statusCode()).as(unknownService.body()).isEqualTo(202);
        assertThat(state(gate.postCheck(token, "k-g-chat", CHAT_CHECK))).isEqualTo("pending");
        postGeneric(now, "{\"event_id\":\"g2\",\"incident_id\":\"ops-7\",\"status\":\"resolved\"}");
        assertThat(state(gate.postCheck(token, "k-g-chat2", CHAT_CHECK))).isEqualTo("allowed");

        postGeneric(now, "{\"event_id\":\"g3\",\"incident_id\":\"ops-8\",\"status\":\"triggered\",\"title\":\"Minor blip\","
                + "\"severity\":\"SEV4\",\"services\":[\"chat\"]}");
        assertThat(gate.db.rows("SELECT raw_severity FROM incident WHERE external_key = 'ops-8'").get(0))
                .containsEntry("raw_severity", "SEV4");
        assertThat(state(gate.postCheck(token, "k-g-chat3", CHAT_CHECK))).isEqualTo("allowed");

        assertThat(postGeneric(now - 301, "{\"event_id\":\"g4\",\"incident_id\":\"ops-9\",\"status\":\"triggered\"}")
                .statusCode()).as("outside the tolerance").isEqualTo(401);
        assertThat(postGeneric(now, "{\"event_id\":\"g5\",\"incident_id\":\"ops-9\",\"status\":\"exploded\"}").statusCode())
                .isEqualTo(400);
        assertThat(gate.db.count("incident")).isEqualTo(2);
    }

    @Test
    @DisplayName("Slack: /change incident start and resolve by the incident commander; others are refused")
    void slack() {
        assertThat(gate.say("U0PLAT", "incident start SEV1 Checkout errors payments-api"))
                .contains("Only incident-commander may record incidents");
        assertThat(gate.say("U0IC", "incident start SEV1 Checkout errors payments-api"))
                .contains("Recorded INC-1 SEV1 Checkout errors on payments-api");
        assertThat(state(gate.postCheck(token, "k-s", PAYMENTS_CHECK))).isEqualTo("pending");
        var home = gate.app.bean(dev.changebot.application.query.HomeOverview.class).of(FakeSlackApi.TEAM_ID, "U0PLAT", 5);
        assertThat(home.freezes()).singleElement().satisfies(freeze -> {
            assertThat(freeze.label()).isEqualTo("Incident INC-1 SEV1 Checkout errors — payments-api");
            assertThat(freeze.untilLifted()).isTrue();
        });
        assertThat(gate.say("U0IC", "incident resolve INC-9")).contains("There is no INC-9");
        assertThat(gate.say("U0IC", "incident resolve INC-1")).contains("Resolved INC-1", "freeze is lifted");
        assertThat(state(gate.postCheck(token, "k-s2", PAYMENTS_CHECK))).isEqualTo("allowed");
        assertThat(gate.say("U0IC", "incident cause INC-1 CHG-2")).contains("Linked CHG-2 as the cause of INC-1");
        assertThat(gate.db.rows("SELECT kind FROM audit_note WHERE kind = 'IncidentLinked'")).hasSize(1);
    }

    @Test
    @DisplayName("an emergency declared in the incident's channel, or with --incident, is linked to it as its remediation")
    void emergencyLinks() {
        assertThat(gate.say("U0IC", "incident start SEV2 Checkout errors payments-api")).contains("Recorded INC-1");
        assertThat(gate.say("U0IC", "emergency Roll back checkout --incident INC-7")).contains("There is no INC-7");
        assertThat(gate.db.count("change_request")).isZero();

        assertThat(gate.say("U0IC", "emergency Roll back checkout"))
                .contains("Declared CHG-1", "Linked as the remediation of INC-1");
        assertThat(gate.say("U0IC", "incident resolve INC-1")).contains("Resolved INC-1");
        assertThat(gate.say("U0IC", "emergency Restart the queue --incident INC-1"))
                .as("named, though resolved").contains("Declared CHG-2", "Linked as the remediation of INC-1");
        assertThat(gate.db.rows("SELECT change_number, link FROM incident_change ORDER BY change_number"))
                .extracting(row -> row.get("change_number") + " " + row.get("link"))
                .containsExactly("1 REMEDIATION", "2 REMEDIATION");
    }

    @Test
    @DisplayName("\"Caused by a change?\" on the banner opens a form; the change submitted is linked as the cause")
    void causeButton() {
        postPagerDuty(pagerDuty("06", "incident.triggered", "triggered", "2026-03-10T09:59:00Z"), PD_SECRET);
        gate.postCheck(token, "k-cause", CHAT_CHECK); // CHG-1, on another service: allowed
        channelPosts();
        var banner = gate.slack.calls("chat.postMessage").stream().filter(c -> c.param("text").contains("frozen"))
                .findFirst().orElseThrow();
        assertThat(banner.actionIds()).containsExactly(dev.changebot.slack.SlackIds.INCIDENT_CAUSE_BUTTON);

        var click = gate.app.slack(dev.changebot.support.SlackPayloads.buttonClick("U0IC", GateFixture.CHANNEL, "1.2",
                dev.changebot.slack.SlackIds.INCIDENT_CAUSE_BUTTON, "INC-1"), dev.changebot.support.SlackPayloads.FORM);
        assertThat(click.statusCode()).isEqualTo(200);
        assertThat(gate.slack.calls("views.open")).singleElement().satisfies(call ->
                assertThat(call.json("view").getAsJsonObject().get("callback_id").getAsString())
                        .isEqualTo(dev.changebot.slack.SlackIds.INCIDENT_CAUSE_MODAL));

        var values = dev.changebot.support.SlackPayloads.state(Map.of(dev.changebot.slack.SlackIds.CAUSE_CHANGE,
                dev.changebot.support.SlackPayloads.textValue("CHG-9")), dev.changebot.slack.SlackIds.INPUT);
        var refused = gate.app.slack(dev.changebot.support.SlackPayloads.viewSubmission("U0IC",
                dev.changebot.slack.SlackIds.INCIDENT_CAUSE_MODAL, "INC-1", values), dev.changebot.support.SlackPayloads.FORM);
        assertThat(refused.body()).contains("There is no CHG-9");
        var linked = gate.app.slack(dev.changebot.support.SlackPayloads.viewSubmission("U0IC",
                dev.changebot.slack.SlackIds.INCIDENT_CAUSE_MODAL, "INC-1", dev.changebot.support.SlackPayloads.state(Map.of(
                        dev.changebot.slack.SlackIds.CAUSE_CHANGE, dev.changebot.support.SlackPayloads.textValue("CHG-1")),
                        dev.changebot.slack.SlackIds.INPUT)), dev.changebot.support.SlackPayloads.FORM);
        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(linked.body()).doesNotContain("errors");
        assertThat(gate.db.rows("SELECT change_number, link FROM incident_change")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("change_number", 1L).containsEntry("link", "CAUSE"));
    }
}
