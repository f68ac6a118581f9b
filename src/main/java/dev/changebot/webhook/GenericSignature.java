package dev.changebot.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The generic incident webhook's signature, for any tool that can sign a request (docs/incidents.md):
 * {@code X-Changebot-Timestamp: <Unix seconds>} and {@code X-Changebot-Signature: v1=<hex HMAC-SHA256
 * of "<timestamp>.<raw body>">}, several comma-separated during a rotation. The timestamp is signed,
 * so a replay outside the tolerance is refused.
 */
final class GenericSignature {

    static final String TIMESTAMP = "X-Changebot-Timestamp";
    static final String SIGNATURE = "X-Changebot-Signature";

    private final byte[] secret;

    GenericSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    Optional<String> problem(String timestamp, String header, byte[] body, Instant now, Duration tolerance) {
        if (timestamp == null || header == null) {
            return Optional.of(TIMESTAMP + " or " + SIGNATURE + " is missing");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of(TIMESTAMP + " is not a Unix time");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return Optional.of(TIMESTAMP + " is outside the tolerance of " + tolerance.toSeconds() + " s");
        }
        var expected = sign(secret, timestamp.strip(), body);
        for (var part : header.split(",")) {
            var value = part.strip();
            if (value.startsWith("v1=") && Hmac.same(expected, hex(value.substring(3)))) {
                return Optional.empty();
            }
        }
        return Optional.of(SIGNATURE + " does not match the body");
    }

    static String header(String secret, String timestamp, byte[] body) {
        return "v1=" + HexFormat.of().formatHex(sign(secret.getBytes(StandardCharsets.UTF_8), timestamp, body));
    }

    private static byte[] sign(byte[] secret, String timestamp, byte[] body) {
        return Hmac.sha256(secret, (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
