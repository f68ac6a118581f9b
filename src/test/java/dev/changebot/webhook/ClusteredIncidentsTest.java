package dev.changebot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two application contexts on one database receiving the same incident: one incident, one banner. */
@Timeout(180)
class ClusteredIncidentsTest {

    static final String SECRET = "pd-secret";
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

    static String body(String eventId) {
        return "{\"event\":{\"id\":\"" + eventId + "\",\"event_type\":\"incident.triggered\",\"resource_type\":\"incident\","
                + "\"occurred_at\":\"2026-03-10T09:59:00Z\",\"data\":{\"id\":\"PT4KHLK\",\"type\":\"incident\","
                + "\"html_url\":\"https://acme.pagerduty.com/incidents/PT4KHLK\",\"status\":\"triggered\","
                + "\"title\":\"The server is on fire.\",\"service\":{\"id\":\"PIJ90N7\",\"summary\":\"My Mail Service\","
                + "\"type\":\"service_reference\"},\"priority\":{\"summary\":\"P1\",\"type\":\"priority_reference\"}}}}";
    }

    static CompletableFuture<HttpResponse<String>> post(HttpClient http, RunningApp app, String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var signature = "v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return http.sendAsync(HttpRequest.newBuilder(app.uri("/webhooks/pagerduty")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-PagerDuty-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("the same webhook, and another delivery of the same incident, reaching both nodes at once: one INC-1, one banner")
    void oneIncidentOneBanner() throws Exception {
        var db = TestPostgres.freshDatabase();
        var clock = new MutableClock(NOW);
        Map<String, Object> properties = Map.of("changebot.policy", "src/test/resources/policies/test-incidents.yaml",
                "changebot.pagerduty.webhook-secrets", SECRET, "changebot.incident.workspace", FakeSlackApi.TEAM_ID,
                "changebot.incidents.thaw-initial-delay", "1h");
        var http = HttpClient.newHttpClient();
        try (var slack = FakeSlackApi.start(); var first = RunningApp.start(db, slack, properties, clock);
             var second = RunningApp.start(db, slack, properties, clock)) {
            var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int round = 0; round < 3; round++) {
                answers.add(post(http, first, body("evt-A")));
                answers.add(post(http, second, body("evt-A")));
                // Another delivery id for the same incident: the two nodes race to create it.
                answers.add(post(http, second, body("evt-B")));
                answers.add(post(http, first, body("evt-C")));
            }
            for (var answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            }

            assertThat(db.rows("SELECT number, status FROM incident")).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("number", 1L).containsEntry("status", "TRIGGERED"));
            assertThat(db.count("incident_delivery")).isEqualTo(3);
            assertThat(answers.stream().map(a -> a.join().body()).filter(b -> b.contains("\"new\""))).hasSize(1);
            for (int i = 0; i < 4; i++) {
                first.deliverOutbox();
                second.deliverOutbox();
                clock.advance(Duration.ofSeconds(2));
            }
            assertThat(slack.calls("chat.postMessage")).filteredOn(call -> String.valueOf(call.param("text")).contains("frozen"))
                    .singleElement().satisfies(call -> assertThat(call.param("text")).contains("INC-1 SEV1 The server is on fire."));
        }
    }
}
