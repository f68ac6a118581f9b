package dev.changebot.api;

import static dev.changebot.api.GateFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pipeline that says when its commit was made and its pull request opened moves the start of the
 * change's lead time there (docs/metrics.md, "Where lead time starts"), over real HTTP.
 */
@Timeout(120)
class LeadTimeFromCodeTest extends WithCiToken {

    @Test
    @DisplayName("committed_at and pr_opened_at are recorded, and the earlier starts the change's lead time")
    void codeTimesStartTheLeadTime() {
        gate.requestNormalChange();
        var requested = gate.clock.instant();
        gate.clock.set(requested.plus(Duration.ofHours(2)));
        var committed = requested.minus(Duration.ofHours(3));
        var opened = requested.minus(Duration.ofHours(1));

        var response = gate.post("/api/v1/deployments", token, "d-prod", "{\"change\": \"CHG-1\", \"environment\":"
                + " \"production\", \"status\": \"succeeded\", \"committed_at\": \"" + committed + "\", \"pr_opened_at\": \""
                + opened + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(gate.db.rows("SELECT committed_at, pr_opened_at FROM deployment")).singleElement().satisfies(row -> {
            assertThat(((java.sql.Timestamp) row.get("committed_at")).toInstant()).isEqualTo(committed);
            assertThat(((java.sql.Timestamp) row.get("pr_opened_at")).toInstant()).isEqualTo(opened);
        });
        // A period still running ends now: a minute on, the deployment is in it.
        gate.clock.set(gate.clock.instant().plus(Duration.ofMinutes(1)));
        var day = requested.atOffset(ZoneOffset.UTC).toLocalDate();
        var dora = json(gate.get("/api/v1/metrics/dora?from=" + day + "&to=" + day, token));
        var lead = dora.getAsJsonArray("metrics").asList().stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("metric").getAsString().equals("lead_time_median_hours")
                        && r.get("by").getAsString().equals("all")).findFirst().orElseThrow();
        // From the commit (3 h before the request) to production (2 h after it): 5 h, not the request's 2 h.
        assertThat(lead.get("value").getAsDouble()).isEqualTo(5.0);
        assertThat(lead.get("samples").getAsLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("a commit time that is not a date and time is refused with the field's name, and nothing is recorded")
    void badCodeTime() {
        var response = gate.post("/api/v1/deployments", token, "d-bad", "{\"change\": \"CHG-1\", \"environment\":"
                + " \"staging\", \"status\": \"started\", \"committed_at\": \"yesterday\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("committed_at");
        assertThat(gate.db.count("deployment")).isZero();
    }
}
