package dev.changebot.domain.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored entry as a verifier reads it: the chain, its position, the hash it links to, its own
 * hash and its body text. {@code columns} are the query copies a database row keeps beside the body
 * (null when read from a pack, which has only the body).
 */
public record ChainEntry(String chainId, long seq, byte[] prevHash, byte[] hash, String body, Columns columns) {

    /** audit_entry's kind, change_number and occurred_at: they must say what the body says. */
    public record Columns(String kind, Long changeNumber, Instant occurredAt) {
    }

    public ChainEntry {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(body, "body");
        prevHash = prevHash.clone();
        hash = hash.clone();
    }

    /** The entry the sequencer appends after {@code previous} (genesis for the first). */
    public static ChainEntry append(byte[] previous, EntryBody body) {
        var text = body.text();
        return new ChainEntry(body.chain(), body.seq(), previous, EntryHash.of(previous, text), text, null);
    }

    @Override
    public byte[] prevHash() {
        return prevHash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    boolean linksTo(byte[] previous) {
        return Arrays.equals(prevHash, previous);
    }

    boolean hashMatchesContent() {
        return prevHash.length == EntryHash.LENGTH && Arrays.equals(hash, EntryHash.of(prevHash, body));
    }
}
