package dev.changebot.domain.evidence;

import dev.changebot.domain.audit.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * audit.jsonl: the whole chain from its first entry, one JSON object a line —
 * {@code {"body":"…","chain":"T…","hash":"<base64>","prev":"<base64>","seq":1}} — the body
 * exactly as hashed, as a JSON string, so a verifier recomputes every hash from the file alone.
 */
final class AuditJsonl {

    private AuditJsonl() {
    }

    static byte[] of(List<ChainEntry> chain) {
        var text = new StringBuilder();
        var base64 = Base64.getEncoder();
        for (var entry : chain) {
            var line = new LinkedHashMap<String, Object>();
            line.put("chain", entry.chain());
            line.put("seq", entry.seq());
            line.put("prev", base64.encodeToString(entry.prev()));
            line.put("hash", base64.encodeToString(entry.hash()));
            line.put("body", entry.body());
            text.append(CanonicalJson.write(line)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
