package dev.changebot.domain.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A chain's state at one moment: how many entries it holds and the hash of the last one. Written
 * in the text form of transparency-log checkpoints (C2SP tlog-checkpoint): the origin line, the size
 * in decimal, the head hash in base64, then one extension line with the time it was taken — each
 * line ending in a newline. {@link SignedNote} adds the signatures below a blank line.
 *
 * <p>The chain is a list, not a Merkle tree: a checkpoint of size {@code n} is consistent with a log
 * exactly when that log's entry {@code n} has this hash. A log shorter than a checkpoint has lost its
 * tail.
 */
public record Checkpoint(String origin, long size, byte[] headHash, Instant takenAt) {

    private static final String ORIGIN_PREFIX = "changebot.audit/";
    private static final String TIME = "time ";

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(takenAt, "takenAt");
        if (origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("A checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("A checkpoint's size is not negative: " + size);
        }
        if (headHash.length != EntryHash.LENGTH) {
            throw new IllegalArgumentException("A head hash has 32 bytes, not " + headHash.length);
        }
        headHash = headHash.clone();
    }

    /** The origin line of a workspace's chain, {@code changebot.audit/T0123ABCD}. */
    public static String originOf(String chainId) {
        return ORIGIN_PREFIX + chainId;
    }

    /** The chain this checkpoint names, or empty when its origin is not one of ours. */
    public java.util.Optional<String> chainId() {
        return origin.startsWith(ORIGIN_PREFIX)
                ? java.util.Optional.of(origin.substring(ORIGIN_PREFIX.length()))
                : java.util.Optional.empty();
    }

    @Override
    public byte[] headHash() {
        return headHash.clone();
    }

    /** The signed text: four lines, each ending in a newline. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(headHash) + "\n"
                + TIME + takenAt + "\n";
    }

    /**
     * Reads a checkpoint's text (the part a signature covers, without the signature lines).
     *
     * @throws IllegalArgumentException saying which line is wrong and why
     */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("A checkpoint's text ends with a newline");
        }
        var lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 4) {
            throw new IllegalArgumentException("A checkpoint has four lines (origin, size, head hash, time), not "
                    + lines.length);
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Line 2 of a checkpoint is its size, a decimal number: " + lines[1]);
        }
        if (size < 0 || !lines[1].equals(Long.toString(size))) {
            throw new IllegalArgumentException("Line 2 of a checkpoint is its size, a decimal number: " + lines[1]);
        }
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Line 3 of a checkpoint is the head hash in base64: " + lines[2]);
        }
        if (hash.length != EntryHash.LENGTH) {
            throw new IllegalArgumentException("Line 3 of a checkpoint is a 32-byte hash, not " + hash.length + " bytes");
        }
        Instant takenAt = null;
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of a checkpoint is empty");
            }
            if (lines[i].startsWith(TIME)) {
                try {
                    takenAt = Instant.parse(lines[i].substring(TIME.length()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Line " + (i + 1) + " of a checkpoint is not a time: " + lines[i]);
                }
            }
        }
        if (takenAt == null) {
            throw new IllegalArgumentException("A checkpoint says when it was taken on a line \"time …\"");
        }
        return new Checkpoint(lines[0], size, hash, takenAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(headHash, that.headHash) && takenAt.equals(that.takenAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(headHash), takenAt);
    }

    @Override
    public String toString() {
        return origin + " size " + size + " head " + Base64.getEncoder().encodeToString(headHash) + " at " + takenAt;
    }
}
