package dev.changebot.domain.audit;

/**
 * One thing a verifier found wrong. {@code seq} is the position where the log stops being what it
 * claims (null for a problem that belongs to no one entry, such as a missing change number).
 */
public record Finding(String chainId, Long seq, String what) {

    @Override
    public String toString() {
        return (seq == null ? "chain " + chainId : "chain " + chainId + " seq " + seq) + ": " + what;
    }
}
