package dev.changebot.domain.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * The policy a node runs, as the chain records it: the SHA-256 of the policy file's bytes (hex),
 * the policy's id, where it came from (a path, or {@code preset:NAME}), and when it was loaded.
 */
public record LoadedPolicy(String sha256, String id, String source, Instant loadedAt) {

    public static final String KIND = "PolicyLoaded";
    /** The actor of what the bot does by itself. */
    public static final String ACTOR = "changebot";

    public LoadedPolicy {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(loadedAt, "loadedAt");
    }

    /** The PolicyLoaded fact: chained before anything else a chain records under this policy. */
    public SourceFact fact() {
        var details = new LinkedHashMap<String, Object>();
        details.put("sha256", sha256);
        details.put("id", id);
        details.put("source", source);
        return new SourceFact(KIND, null, ACTOR, loadedAt, loadedAt, SourceFact.POLICY, null, details);
    }
}
