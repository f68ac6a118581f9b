package dev.changebot.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How an entry is chained: {@code SHA-256("changebot/audit/entry/v1" || 0x00 || previous hash || body)},
 * where the previous hash is 32 raw bytes (32 zero bytes before the first entry) and the body is
 * the entry's canonical JSON ({@link CanonicalJson}) in UTF-8. The prefix keeps these hashes apart
 * from any other SHA-256 the product computes (domain separation).
 */
public final class EntryHash {

    public static final int LENGTH = 32;
    private static final byte[] DOMAIN = "changebot/audit/entry/v1\0".getBytes(StandardCharsets.US_ASCII);

    private EntryHash() {
    }

    /** What the first entry of every chain links to. */
    public static byte[] genesis() {
        return new byte[LENGTH];
    }

    public static byte[] of(byte[] previous, String body) {
        if (previous.length != LENGTH) {
            throw new IllegalArgumentException("A previous hash has 32 bytes, not " + previous.length);
        }
        var digest = sha256();
        digest.update(DOMAIN);
        digest.update(previous);
        digest.update(body.getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
