package dev.changebot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each provider's signature scheme against a corpus of good and bad headers, with the published example where there is one. */
class SignatureCorpusTest {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    @DisplayName("Standard Webhooks (incident.io): the published example verifies; stale, tampered or foreign ones do not")
    void standardWebhooks() {
        // The example of the Standard Webhooks specification (and Svix's docs, which incident.io's docs repeat).
        var secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        var body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        var at = Instant.ofEpochSecond(1614265330);
        var good = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        var signature = new StandardWebhookSignature(secret);

        assertThat(signature.problem(id, "1614265330", good, body, at, TOLERANCE)).isEmpty();
        assertThat(signature.problem(id, "1614265330", "v1,bm90IGl0 " + good, body, at, TOLERANCE))
                .as("one of several, during a rotation").isEmpty();
        assertThat(signature.problem(id, "1614265330", good, body, at.plus(Duration.ofMinutes(6)), TOLERANCE))
                .get().asString().contains("tolerance");
        assertThat(signature.problem(id, "1614265330", good, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8),
                at, TOLERANCE)).isPresent();
        assertThat(signature.problem("msg_other", "1614265330", good, body, at, TOLERANCE)).isPresent();
        assertThat(signature.problem(id, "1614265331", good, body, at, TOLERANCE)).as("the timestamp is signed").isPresent();
        assertThat(signature.problem(id, "1614265330", "v2," + good.substring(3), body, at, TOLERANCE)).isPresent();
        assertThat(signature.problem(id, "1614265330", "v1,###", body, at, TOLERANCE)).isPresent();
        assertThat(signature.problem(id, "yesterday", good, body, at, TOLERANCE)).isPresent();
        assertThat(signature.problem(null, "1614265330", good, body, at, TOLERANCE)).isPresent();
        assertThat(new StandardWebhookSignature("whsec_b3RoZXJzZWNyZXQ=").problem(id, "1614265330", good, body, at, TOLERANCE))
                .isPresent();
    }

    @Test
    @DisplayName("PagerDuty v3: v1=<hex HMAC of the body>; any of several signatures, any of our secrets")
    void pagerDuty() {
        var body = "{\"event\":{\"id\":\"01\"}}".getBytes(StandardCharsets.UTF_8);
        var hex = java.util.HexFormat.of().formatHex(Hmac.sha256("secret-b".getBytes(StandardCharsets.UTF_8), body));
        var rotating = new PagerDutySignature(List.of("secret-a", "secret-b"));

        assertThat(rotating.matches(body, "v1=" + hex)).isTrue();
        assertThat(rotating.matches(body, "v1=00ff,v1=" + hex)).isTrue();
        assertThat(rotating.matches(body, "v1=" + hex.toUpperCase())).isTrue();
        assertThat(new PagerDutySignature(List.of("secret-a")).matches(body, "v1=" + hex)).isFalse();
        assertThat(rotating.matches("{\"event\":{\"id\":\"02\"}}".getBytes(StandardCharsets.UTF_8), "v1=" + hex)).isFalse();
        assertThat(rotating.matches(body, "v2=" + hex)).isFalse();
        assertThat(rotating.matches(body, hex)).isFalse();
        assertThat(rotating.matches(body, "v1=zz")).isFalse();
        assertThat(rotating.matches(body, "")).isFalse();
        assertThat(rotating.matches(body, null)).isFalse();
    }

    @Test
    @DisplayName("generic: v1=<hex HMAC of \"<timestamp>.<body>\">, the timestamp within the tolerance")
    void generic() {
        var body = "{\"event_id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);
        var now = Instant.parse("2026-03-10T10:00:00Z");
        var ts = String.valueOf(now.getEpochSecond());
        var hex = java.util.HexFormat.of().formatHex(Hmac.sha256("s3cret".getBytes(StandardCharsets.UTF_8),
                (ts + ".").getBytes(StandardCharsets.UTF_8), body));
        var signature = new GenericSignature("s3cret");

        assertThat(signature.problem(ts, "v1=" + hex, body, now, TOLERANCE)).isEmpty();
        assertThat(signature.problem(ts, "v1=" + hex, body, now.plus(Duration.ofMinutes(5).plusSeconds(1)), TOLERANCE))
                .get().asString().contains("tolerance");
        assertThat(signature.problem(ts, "v1=" + hex, body, now.minus(Duration.ofMinutes(6)), TOLERANCE)).isPresent();
        assertThat(signature.problem(String.valueOf(now.getEpochSecond() + 1), "v1=" + hex, body, now, TOLERANCE)).isPresent();
        assertThat(signature.problem(ts, "v1=" + hex, "{}".getBytes(StandardCharsets.UTF_8), now, TOLERANCE)).isPresent();
        assertThat(signature.problem(null, "v1=" + hex, body, now, TOLERANCE)).isPresent();
        assertThat(signature.problem(ts, null, body, now, TOLERANCE)).isPresent();
        assertThat(new GenericSignature("other").problem(ts, "v1=" + hex, body, now, TOLERANCE)).isPresent();
    }
}
