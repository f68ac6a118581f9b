package dev.changebot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MetricsHistory;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `GET /api/v1/metrics/dora` and `GET /api/v1/reports/{period}` over real HTTP, on the hand-built
 * November 2026 of MetricsHistory, under the gate's test policy (UTC), on 3 December 2026. In UTC the
 * month is [11-01T00:00Z, 12-01T00:00Z): CHG-9 (requested 11-30T23:30Z) and CHG-1's redeploy at
 * 23:30Z on the 30th are in it, CHG-8 (10-31T23:30Z) is not.
 */
@Timeout(180)
class ReportsApiTest {

    private final GateFixture gate = new GateFixture(GateFixture.POLICY, Instant.parse("2026-12-03T10:00:00Z"));

    @AfterEach
    void close() {
        gate.close();
    }

    private static Map<String, JsonObject> overall(JsonObject body) {
        return body.getAsJsonArray("metrics").asList().stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("by").getAsString().equals("all"))
                .collect(Collectors.toMap(r -> r.get("metric").getAsString(), r -> r));
    }

    @Test
    @DisplayName("the DORA keys for a span, a service and an environment; the whole report for a period")
    void dora() {
        MetricsHistory.november2026(gate.db, FakeSlackApi.TEAM_ID);
        var token = gate.token("ci");

        var all = gate.get("/api/v1/metrics/dora?from=2026-11-01&to=2026-11-30", token);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        var keys = overall(GateFixture.json(all));
        assertThat(keys).containsOnlyKeys("deployment_frequency", "lead_time_median_hours", "lead_time_p90_hours",
                "change_failure_rate", "recovery_time_median_hours");
        // 8 production successes in UTC's November (CHG-1's at 23:30Z on the 30th too) over 30/7 weeks = 1.8667.
        assertThat(keys.get("deployment_frequency").get("value").getAsDouble()).isEqualTo(1.8667);
        assertThat(keys.get("deployment_frequency").get("samples").getAsLong()).isEqualTo(8);
        assertThat(keys.get("change_failure_rate").get("value").getAsDouble()).isEqualTo(0.3333);

        // web alone: CHG-3 (rolled back), CHG-4 and the uncovered deployment; recovery 24 h.
        var web = overall(GateFixture.json(gate.get("/api/v1/metrics/dora?from=2026-11-01&to=2026-11-30&service=web", token)));
        assertThat(web.get("deployment_frequency").get("samples").getAsLong()).isEqualTo(3);
        assertThat(web.get("change_failure_rate").get("value").getAsDouble()).isEqualTo(0.5);
        assertThat(web.get("recovery_time_median_hours").get("value").getAsDouble()).isEqualTo(24.0);
        // About staging instead of production: CHG-7's one success; no change reached staging's lead time but CHG-7.
        var staging = GateFixture.json(gate.get("/api/v1/metrics/dora?from=2026-11-01&to=2026-11-30&environment=staging", token));
        assertThat(staging.get("environment").getAsString()).isEqualTo("staging");
        assertThat(overall(staging).get("deployment_frequency").get("samples").getAsLong()).isEqualTo(1);

        var report = gate.get("/api/v1/reports/2026-11", token);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        var body = GateFixture.json(report);
        assertThat(body.get("zone").getAsString()).isEqualTo("UTC");
        assertThat(body.get("no_data").getAsBoolean()).isFalse();
        // Requested in UTC's November: CHG-1..7 and CHG-9.
        assertThat(overall(body).get("emergency_ratio").get("samples").getAsLong()).isEqualTo(8);
        // Standard changes requested: CHG-4 and, in UTC, CHG-9.
        assertThat(body.getAsJsonArray("metrics").asList()).anySatisfy(e -> {
            var r = e.getAsJsonObject();
            assertThat(r.get("metric").getAsString() + " " + r.get("by").getAsString() + " " + r.get("key").getAsString()
                    + " " + r.get("samples").getAsLong()).isEqualTo("emergency_ratio class standard 2");
        });
        assertThat(body.getAsJsonArray("metrics").asList()).anySatisfy(r -> assertThat(r.getAsJsonObject().get("by")
                .getAsString()).isEqualTo("class"));
    }

    @Test
    @DisplayName("empty periods are zeros and no data; bad periods 422; no token 401; a scoped token reads its own scope only")
    void badInput() {
        var token = gate.token("ci");
        var empty = gate.get("/api/v1/reports/2026-09", token);
        assertThat(empty.statusCode()).isEqualTo(200);
        var body = GateFixture.json(empty);
        assertThat(body.get("no_data").getAsBoolean()).isTrue();
        assertThat(overall(body).get("deployment_frequency").get("value").getAsDouble()).isZero();
        assertThat(overall(body).get("lead_time_median_hours").get("value").isJsonNull()).isTrue();

        var future = gate.get("/api/v1/reports/2027-01", token);
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(GateFixture.json(future).toString()).contains("invalid_period", "starts after today");
        assertThat(gate.get("/api/v1/reports/2026-13", token).body()).contains("not a date in the calendar");
        assertThat(gate.get("/api/v1/metrics/dora?from=November&to=2026-11-30", token).body())
                .contains("from and to are days like 2026-07-01");
        assertThat(gate.get("/api/v1/metrics/dora?to=2026-11-30", token).statusCode()).isEqualTo(400);
        assertThat(gate.get("/api/v1/reports/2026-11", "cbt_nothing").statusCode()).isEqualTo(401);

        var webStaging = gate.token("deploy-web web staging");
        assertThat(gate.get("/api/v1/metrics/dora?from=2026-11-01&to=2026-11-30&service=web&environment=staging",
                webStaging).statusCode()).isEqualTo(200);
        assertThat(gate.get("/api/v1/metrics/dora?from=2026-11-01&to=2026-11-30&service=web", webStaging).statusCode())
                .isEqualTo(403);
        assertThat(gate.get("/api/v1/reports/2026-11", webStaging).body()).contains("out_of_scope");
    }
}
