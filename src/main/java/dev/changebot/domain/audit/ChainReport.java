package dev.changebot.domain.audit;

import java.util.List;
import java.util.Optional;

/**
 * What verifying one chain found: its size, how many entries were valid, every finding ordered by
 * where the log first stops being what it claims, the report's lines, and whether checkpoint
 * signatures could be checked at all.
 */
public record ChainReport(String chainId, long size, long valid, List<Finding> findings, List<String> lines,
                          Signatures signatures) {

    /** Whether the checkpoints' signatures were checked: without a public key they cannot be. */
    public enum Signatures {
        /** Every checkpoint found was checked against the keys given. */
        CHECKED,
        /** Checkpoints were found, but no key was given: their signatures prove nothing yet. */
        NOT_CHECKED,
        /** No checkpoint was found: the log's tail is not witnessed by one. */
        NO_CHECKPOINT
    }

    public ChainReport {
        findings = List.copyOf(findings);
        lines = List.copyOf(lines);
    }

    public boolean intact() {
        return findings.isEmpty();
    }

    /** The first break: the finding at the lowest seq. */
    public Optional<Finding> firstBreak() {
        return findings.stream().findFirst();
    }
}
