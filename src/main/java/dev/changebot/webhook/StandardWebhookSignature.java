package dev.changebot.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The Standard Webhooks signature incident.io sends (through Svix): {@code webhook-signature:
 * v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">}, several separated by
 * spaces; the key is the secret's bytes after {@code whsec_}, base64-decoded. {@code webhook-timestamp}
 * (Unix seconds) must be within the tolerance of now, so an old delivery cannot be replayed.
 */
final class StandardWebhookSignature {

    private static final String PREFIX = "whsec_";
    private final byte[] key;

    StandardWebhookSignature(String secret) {
        this.key = key(secret);
    }

    static byte[] key(String secret) {
        var encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            // A secret that is not base64 is used as it is written.
            return secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Empty when the delivery is genuine and fresh; else why not, in words for the log and the answer. */
    java.util.Optional<String> problem(String id, String timestamp, String header, byte[] body, Instant now,
                                       Duration tolerance) {
        if (id == null || id.isBlank() || timestamp == null || header == null) {
            return java.util.Optional.of("webhook-id, webhook-timestamp or webhook-signature is missing");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return java.util.Optional.of("webhook-timestamp is not a Unix time");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return java.util.Optional.of("webhook-timestamp is outside the tolerance of " + tolerance.toSeconds() + " s");
        }
        var expected = sign(key, id, timestamp.strip(), body);
        for (var part : header.strip().split("\\s+")) {
            if (part.startsWith("v1,") && Hmac.same(expected, base64(part.substring(3)))) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of("webhook-signature does not match the body");
    }

    /** The header value incident.io would send. */
    static String header(String secret, String id, String timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(sign(key(secret), id, timestamp, body));
    }

    private static byte[] sign(byte[] key, String id, String timestamp, byte[] body) {
        return Hmac.sha256(key, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
