package dev.changebot.sandbox.render;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Test fixtures: a small workspace, a reader in a given zone, and a way to read rendered nodes back. */
final class Readers {

    /** 2014-02-18T14:39:42Z, the epoch of Slack's date formatting examples. */
    static final long SLACK_EXAMPLE_EPOCH = 1392734382L;

    private Readers() {
    }

    static RenderContext in(String zone, Instant now) {
        return new RenderContext(ZoneId.of(zone), now,
                Map.of("U0ALICE", "alice", "U0BOB", "bob"),
                Map.of("S0SRE", "sre-leads"),
                Map.of("C0CHANGES", "changes"));
    }

    static RenderContext london() {
        return in("Europe/London", Instant.parse("2026-12-02T10:00:00Z"));
    }

    /** The text a person reads, with line breaks as newlines. */
    @SuppressWarnings("unchecked")
    static String read(List<Map<String, Object>> nodes) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> node : nodes) {
            if ("br".equals(node.get("type"))) {
                out.append('\n');
            } else if (node.get("children") instanceof List<?> children) {
                out.append(read((List<Map<String, Object>>) children));
            } else if (node.get("text") instanceof String text) {
                out.append(text);
            }
        }
        return out.toString();
    }

    static Map<String, Object> text(String text) {
        return Map.of("type", "text", "text", text);
    }
}
