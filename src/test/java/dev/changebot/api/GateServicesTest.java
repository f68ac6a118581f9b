package dev.changebot.api;

import static dev.changebot.api.GateFixture.json;
import static dev.changebot.api.GateFixture.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Gate checks under a policy with services: the freezes in scope for the deploy's environment, the
 * service's environments and class override, and the record naming its service.
 */
@Timeout(120)
class GateServicesTest {

    /** Saturday 14 March 2026, 12:00 UTC: inside the production weekend freeze. */
    static final Instant SATURDAY = Instant.parse("2026-03-14T12:00:00Z");

    final GateFixture gate = new GateFixture("src/test/resources/policies/test-gate-services.yaml", SATURDAY);

    @AfterEach
    void close() {
        gate.close();
    }

    @Test
    void aProductionFreezeHoldsProductionAndLetsStagingGo() {
        var token = gate.token("ci-api");

        var staging = gate.postCheck(token, "run-1:staging", deploy("api", "staging"));
        var production = gate.postCheck(token, "run-1:production", deploy("api", "production"));

        assertThat(state(staging)).isEqualTo("allowed");
        assertThat(state(production)).isEqualTo("pending");
        assertThat(json(production).get("next_open").getAsString()).isEqualTo("2026-03-16T08:00:00Z");
        assertThat(gate.db.rows("SELECT DISTINCT service FROM change_request")).extracting(r -> r.get("service"))
                .containsExactly("api");
    }

    @Test
    void aServicesEnvironmentsAndClassOverrideAreTheGatesToo() {
        var token = gate.token("ci-all");

        var homepageStaging = gate.postCheck(token, "k1", deploy("homepage", "staging"));
        var shop = gate.postCheck(token, "k2", deploy("shop", "staging"));
        var unknown = gate.postCheck(token, "k3", deploy("billing", "staging"));

        assertThat(homepageStaging.statusCode()).isEqualTo(422);
        assertThat(json(homepageStaging).get("message").getAsString()).contains("homepage is deployed only to production");
        assertThat(shop.statusCode()).isEqualTo(422);
        assertThat(json(shop).get("error").getAsString()).isEqualTo("not_pre_approved");
        assertThat(json(shop).get("message").getAsString()).contains("normal");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).get("error").getAsString()).isEqualTo("unknown_service");
        assertThat(gate.db.count("change_request")).as("nothing recorded for a refused check").isZero();
    }

    private static String deploy(String service, String environment) {
        return "{\"service\":\"" + service + "\",\"environment\":\"" + environment + "\","
                + "\"sha\":\"a3f5c0e9d1b2c4e6f8a0b1c2d3e4f5a6b7c8d9e0\",\"ref\":\"main\","
                + "\"pipeline\":{\"provider\":\"github\",\"id\":\"acme/" + service + "\",\"run\":\"42\",\"attempt\":\"1\"},"
                + "\"actor\":\"octocat\"}";
    }
}
