package dev.changebot.domain.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A public Ed25519 key with its name, in the signed-note verifier key form (C2SP signed-note):
 * {@code <name>+<key id, 8 hex digits>+<base64(0x01 || 32-byte public key)>}. The key id is the
 * first four bytes of {@code SHA-256(name || "\n" || 0x01 || public key)}, so a signature line names
 * the key that made it and a verifier never tries a key under the wrong name.
 */
public record VerifierKey(String name, int keyId, byte[] publicKey) {

    static final byte ED25519 = 0x01;
    /** The DER header of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public VerifierKey {
        checkName(name);
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("An Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        publicKey = publicKey.clone();
        if (keyId != keyIdOf(name, publicKey)) {
            throw new IllegalArgumentException("The key id " + hex(keyId) + " is not the id of key \"" + name + "\"");
        }
    }

    public static VerifierKey of(String name, byte[] publicKey) {
        return new VerifierKey(name, keyIdOf(name, publicKey), publicKey);
    }

    /** From the raw key inside an X.509 SubjectPublicKeyInfo encoding (what the JDK gives). */
    static VerifierKey of(String name, PublicKey key) {
        var encoded = key.getEncoded();
        if (encoded.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(encoded, SPKI_PREFIX.length), SPKI_PREFIX)) {
            throw new IllegalArgumentException("Not an Ed25519 public key: " + key.getAlgorithm());
        }
        return of(name, Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length));
    }

    /**
     * Reads {@code name+hexid+base64key}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static VerifierKey parse(String text) {
        var parts = text.strip().split("\\+", 3); // the base64 key may hold a '+' itself
        if (parts.length != 3) {
            throw new IllegalArgumentException("A verifier key reads name+keyid+key (three parts joined by '+')");
        }
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("A verifier key's id is 8 lower-case hex digits, not \"" + parts[1] + "\"");
        }
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A verifier key's last part is base64: " + e.getMessage());
        }
        if (encoded.length != 33 || encoded[0] != ED25519) {
            throw new IllegalArgumentException("A verifier key holds an Ed25519 key (type 0x01 and 32 bytes)");
        }
        return new VerifierKey(parts[0], (int) Long.parseLong(parts[1], 16), Arrays.copyOfRange(encoded, 1, 33));
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** True when {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        try {
            var verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(javaKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    PublicKey javaKey() throws GeneralSecurityException {
        var spki = ByteBuffer.allocate(SPKI_PREFIX.length + 32).put(SPKI_PREFIX).put(publicKey).array();
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    static int keyIdOf(String name, byte[] publicKey) {
        var digest = EntryHash.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ED25519);
        digest.update(publicKey);
        return ByteBuffer.wrap(digest.digest()).getInt();
    }

    static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("A key name is non-empty, without spaces or '+': \"" + name + "\"");
        }
    }

    static String hex(int keyId) {
        return String.format("%08x", keyId);
    }

    @Override
    public String toString() {
        var encoded = ByteBuffer.allocate(33).put(ED25519).put(publicKey).array();
        return name + "+" + hex(keyId) + "+" + Base64.getEncoder().encodeToString(encoded);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey that && name.equals(that.name) && keyId == that.keyId
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyId, Arrays.hashCode(publicKey));
    }
}
