package dev.changebot.slack.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Our own check of Slack's request signature, in front of Bolt's. Bolt rejects only timestamps
 * too far in the past and compares with String.equals; we refuse both directions of a 5-minute
 * skew (a future timestamp would let a captured request be replayed later) and compare in
 * constant time.
 */
public final class SlackSignatureCheck {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final Clock clock;
    /**
     * One keyed Mac per request thread: looking the algorithm up and keying it (the key's inner and outer
     * pads) for every request cost more than hashing a click's few KB. A Mac is not thread-safe, and
     * doFinal leaves it keyed and ready for the next message.
     */
    private final ThreadLocal<Mac> macs;

    public SlackSignatureCheck(String signingSecret, Clock clock) {
        var key = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(() -> keyed(key));
    }

    /**
     * Exactly one timestamp and one signature: a request carrying several is refused rather than
     * judged on one of them, since what judges it later (Bolt, a proxy) may read another.
     */
    public boolean isValid(List<String> timestampHeaders, List<String> signatureHeaders,
                           byte[] rawBody) {
        if (timestampHeaders.size() != 1 || signatureHeaders.size() != 1) {
            return false;
        }
        return isValid(timestampHeaders.get(0), signatureHeaders.get(0), rawBody);
    }

    public boolean isValid(String timestampHeader, String signatureHeader, byte[] rawBody) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith("v0=")) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException notANumber) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        // Bounds rather than |now - timestamp|, which overflows for absurd timestamps.
        if (timestamp < now - MAX_SKEW.toSeconds() || timestamp > now + MAX_SKEW.toSeconds()) {
            return false;
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestampHeader.strip(), rawBody)))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(String timestamp, byte[] body) {
        var mac = macs.get();
        // Whatever an earlier use left half-fed (it cannot throw midway, but a reset costs nothing).
        mac.reset();
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(body);
    }

    private static Mac keyed(byte[] key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
