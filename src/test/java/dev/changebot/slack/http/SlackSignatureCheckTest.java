package dev.changebot.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Slack's request signature")
class SlackSignatureCheckTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String BODY = "token=x&team_id=T1&user_id=U_ALICE&command=%2Fchange&text=list";

    final SlackSignatureCheck check = new SlackSignatureCheck(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    @DisplayName("is valid when Slack signed this body at this time with our secret")
    void validWhenSignedBySlack() {
        var ts = secondsFromNow(0);

        assertThat(check.isValid(ts, slackSigns(SECRET, ts, BODY), bytes(BODY))).isTrue();
    }

    @Test
    @DisplayName("is invalid with several signatures or timestamps, whichever of them is right")
    void invalidWhenRepeated() {
        var ts = secondsFromNow(0);
        var right = slackSigns(SECRET, ts, BODY);
        var wrong = slackSigns("another-secret", ts, BODY);

        assertThat(check.isValid(java.util.List.of(ts), java.util.List.of(right), bytes(BODY))).isTrue();
        assertThat(check.isValid(java.util.List.of(ts), java.util.List.of(right, wrong), bytes(BODY))).isFalse();
        assertThat(check.isValid(java.util.List.of(ts), java.util.List.of(wrong, right), bytes(BODY))).isFalse();
        assertThat(check.isValid(java.util.List.of(ts, secondsFromNow(-1)), java.util.List.of(right), bytes(BODY))).isFalse();
        assertThat(check.isValid(java.util.List.of(), java.util.List.of(right), bytes(BODY))).isFalse();
    }

    @Test
    void invalidWhenSignedWithAnotherSecret() {
        var ts = secondsFromNow(0);

        assertThat(check.isValid(ts, slackSigns("another-secret", ts, BODY), bytes(BODY))).isFalse();
    }

    @Test
    @DisplayName("is invalid when one byte of the body changed")
    void invalidWhenTheBodyChanged() {
        var ts = secondsFromNow(0);
        var tampered = bytes(BODY);
        tampered[tampered.length - 1] = 'X';

        assertThat(check.isValid(ts, slackSigns(SECRET, ts, BODY), tampered)).isFalse();
    }

    @Test
    @DisplayName("is invalid when signed at another time than the one sent")
    void invalidWhenTheTimestampWasSwapped() {
        var signature = slackSigns(SECRET, secondsFromNow(-10), BODY);

        assertThat(check.isValid(secondsFromNow(0), signature, bytes(BODY))).isFalse();
    }

    @ParameterizedTest(name = "{0} s from now")
    @ValueSource(ints = {-301, 301, -86_400, 86_400})
    @DisplayName("is invalid more than five minutes from now, in the past or in the future")
    void invalidOutsideTheWindow(int seconds) {
        var ts = secondsFromNow(seconds);

        assertThat(check.isValid(ts, slackSigns(SECRET, ts, BODY), bytes(BODY))).isFalse();
    }

    @ParameterizedTest(name = "{0} s from now")
    @ValueSource(ints = {-299, -1, 1, 299})
    @DisplayName("is valid within five minutes either side of now")
    void validInsideTheWindow(int seconds) {
        var ts = secondsFromNow(seconds);

        assertThat(check.isValid(ts, slackSigns(SECRET, ts, BODY), bytes(BODY))).isTrue();
    }

    @Test
    void invalidWithoutATimestamp() {
        var signature = slackSigns(SECRET, secondsFromNow(0), BODY);

        assertThat(check.isValid(null, signature, bytes(BODY))).isFalse();
    }

    @Test
    void invalidWithoutASignature() {
        assertThat(check.isValid(secondsFromNow(0), null, bytes(BODY))).isFalse();
    }

    @ParameterizedTest(name = "timestamp \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"yesterday", "1.77e9", "0x69a55190"})
    @DisplayName("is invalid with a timestamp that is not whole seconds")
    void invalidWithANonNumericTimestamp(String ts) {
        var signature = slackSigns(SECRET, ts == null ? "" : ts, BODY);

        assertThat(check.isValid(ts, signature, bytes(BODY))).isFalse();
    }

    @Test
    @DisplayName("is invalid without the v0= version in front")
    void invalidWithoutTheVersion() {
        var ts = secondsFromNow(0);
        var bareHex = slackSigns(SECRET, ts, BODY).substring("v0=".length());

        assertThat(check.isValid(ts, bareHex, bytes(BODY))).isFalse();
        assertThat(check.isValid(ts, "v1=" + bareHex, bytes(BODY))).isFalse();
    }

    @Test
    @DisplayName("is valid for a non-ASCII body signed over its UTF-8 bytes")
    void validForNonAsciiBody() {
        var ts = secondsFromNow(0);
        var body = "title=Déploiement ✓";

        assertThat(check.isValid(ts, hmacOverUtf8(SECRET, ts, body), body.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
    }

    private static String secondsFromNow(int seconds) {
        return Long.toString(NOW.getEpochSecond() + seconds);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAbsurdTimestampCannotOverflowTheWindow() {
        var ts = Long.toString(Long.MIN_VALUE + NOW.getEpochSecond());

        assertThat(check.isValid(ts, hmacOverUtf8(SECRET, ts, "a=b"), "a=b".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    @Timeout(10)
    @DisplayName("answers each request on its own, one after another and on other threads (each keeps its keyed Mac)")
    void eachRequestJudgedOnItsOwn() throws Exception {
        var ts = secondsFromNow(0);
        var other = BODY.replace("list", "help");
        var signed = slackSigns(SECRET, ts, BODY);

        assertThat(check.isValid(ts, signed, bytes(BODY))).isTrue();
        assertThat(check.isValid(ts, signed, bytes(other))).isFalse();
        assertThat(check.isValid(ts, slackSigns(SECRET, ts, other), bytes(other))).isTrue();
        assertThat(check.isValid(ts, signed, bytes(BODY))).isTrue();
        var pool = Executors.newFixedThreadPool(2);
        try {
            var onOtherThreads = pool.invokeAll(List.<Callable<Boolean>>of(
                    () -> check.isValid(ts, signed, bytes(BODY)),
                    () -> check.isValid(ts, signed, bytes(other))));
            assertThat(onOtherThreads.get(0).get()).isTrue();
            assertThat(onOtherThreads.get(1).get()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The signature as Slack's own SDK computes it. */
    private static String slackSigns(String secret, String ts, String body) {
        return new SlackSignature.Generator(secret).generate(ts, body);
    }

    /**
     * Slack's algorithm written out over explicit UTF-8 bytes: the SDK's generator uses the
     * platform charset, which on Java 17 is not UTF-8 everywhere.
     */
    private static String hmacOverUtf8(String secret, String ts, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var base = ("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8);
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(base));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
