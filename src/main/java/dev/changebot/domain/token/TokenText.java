package dev.changebot.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a pipeline sends as its bearer token: {@code cbt_} (so a leaked one is recognisable in
 * logs and by secret scanners) and 32 random bytes. Only its SHA-256 is stored: the text has 256 bits
 * of entropy, so a fast hash cannot be brute-forced and a slow one would only slow every request.
 */
public final class TokenText {

    public static final String PREFIX = "cbt_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenText() {
    }

    /** A new token's text; shown once to whoever created it, never stored. */
    public static String generate() {
        var bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored and looked up: the hex SHA-256 of the text. */
    public static String hash(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether the text could be a token at all: refused before any lookup when not. */
    public static boolean looksLikeOne(String text) {
        return text != null && text.startsWith(PREFIX) && text.length() <= 100
                && text.substring(PREFIX.length()).matches("[A-Za-z0-9_-]{43}");
    }
}
