package dev.changebot.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * PagerDuty's v3 webhook signature: {@code X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the raw body>},
 * several comma-separated while a secret is rotated; one match with one of our secrets is enough
 * (developer.pagerduty.com, "Verifying Signatures"). PagerDuty signs no timestamp: a replay is
 * caught by the event id, which is recorded once, and by the event's signed {@code occurred_at}.
 */
final class PagerDutySignature {

    private final List<byte[]> secrets;

    PagerDutySignature(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a secret is needed to check PagerDuty's signatures");
        }
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    boolean matches(byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (var secret : secrets) {
            var expected = Hmac.sha256(secret, body);
            for (var part : header.split(",")) {
                var value = part.strip();
                if (value.startsWith("v1=") && Hmac.same(expected, hex(value.substring(3)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The header PagerDuty would send for {@code body}, signed with {@code secret}. */
    static String header(String secret, byte[] body) {
        return "v1=" + HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
