package dev.changebot.slack.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Which form field Bolt's {@code JsonPayloadExtractor} takes as a request's payload, found as it finds
 * it but without decoding the payload. {@link BoltRequests} asked the extractor itself, which decoded a
 * click's whole payload a second time and compiled a pattern for every field name: 6 % of a request
 * thread's CPU in the ack bench's mix (docs/performance/ack-path-fifteenth-session.md). The question is
 * only whether Bolt would read the very text the shape check read, and two equal raw values decode alike.
 * Where this cannot tell (a body Bolt reads as JSON, a name that does not decode), it answers no, and the
 * request goes through Bolt's own parser. Asked only of bodies {@link FormFields#parse} reads (the shape check
 * refuses the rest first), where every name and value decodes.
 */
final class BoltPayloadField {

    private static final String PAYLOAD = "payload";

    private BoltPayloadField() {
    }

    /** Bolt's extractor would find no payload in this form body. */
    static boolean absent(String body) {
        try {
            return !readAsJson(body) && boltsRawValue(body) == null;
        } catch (IllegalArgumentException undecodable) {
            return false;
        }
    }

    /** Bolt's extractor would read from this form body exactly the value {@link FormFields} decodes as "payload". */
    static boolean sameAsFormFields(String body) {
        try {
            if (readAsJson(body)) {
                return false;
            }
            var bolts = boltsRawValue(body);
            return bolts != null && bolts.equals(FormFields.rawValue(body, PAYLOAD));
        } catch (IllegalArgumentException undecodable) {
            return false;
        }
    }

    /** The extractor reads a body starting with { or [ (once trimmed) as JSON, never as a form; a blank one as none. */
    private static boolean readAsJson(String body) {
        var trimmed = body.trim();
        return trimmed.isEmpty() || trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[';
    }

    /**
     * As the extractor (Bolt 1.48): the first piece between ampersands that splits on '=' into exactly two
     * parts and whose name, trimmed, rid of line feeds and decoded, is "payload"; its value still encoded.
     */
    private static String boltsRawValue(String body) {
        for (var piece : body.split("&")) {
            var parts = piece.split("=");
            if (parts.length == 2
                    && PAYLOAD.equals(URLDecoder.decode(parts[0].trim().replace("\n", ""), StandardCharsets.UTF_8))) {
                return parts[1];
            }
        }
        return null;
    }
}
