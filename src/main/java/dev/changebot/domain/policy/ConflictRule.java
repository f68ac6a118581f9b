package dev.changebot.domain.policy;

import java.util.Locale;

/**
 * What a request whose planned window conflicts with what is already planned gets, per class
 * ({@code conflicts: warn | block} in the policy file): recorded with a warning, or refused.
 */
public enum ConflictRule {
    /** Recorded all the same; the form shows the conflicts and the next free slot (the default). */
    WARN,
    /** Refused, nothing recorded; the form shows the conflicts and the next free slot as errors. */
    BLOCK;

    /** As the policy file spells it: "warn", "block". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
