package dev.changebot.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The Ed25519 key that signs checkpoints, with the name its signatures carry. Its file form is PEM:
 * the private key (PKCS#8) followed by the public key (X.509 SubjectPublicKeyInfo) — the JDK cannot
 * derive one from the other, and {@code openssl pkey} reads either block. Loading checks that the
 * two belong together, so a file edited by hand cannot sign under someone else's public key.
 */
public final class SigningKey {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private final PrivateKey privateKey;
    private final VerifierKey verifierKey;

    private SigningKey(PrivateKey privateKey, VerifierKey verifierKey) {
        this.privateKey = privateKey;
        this.verifierKey = verifierKey;
    }

    public static SigningKey generate(String name) {
        try {
            var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKey(pair.getPrivate(), VerifierKey.of(name, pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /**
     * Reads the PEM form {@link #pem()} writes.
     *
     * @throws IllegalArgumentException saying what is missing or wrong, never quoting key material
     */
    public static SigningKey fromPem(String name, String pem) {
        byte[] pkcs8 = null;
        byte[] spki = null;
        var matcher = BLOCK.matcher(pem);
        while (matcher.find()) {
            var der = decode(matcher.group(2), matcher.group(1));
            if (matcher.group(1).equals("PRIVATE KEY")) {
                pkcs8 = der;
            } else if (matcher.group(1).equals("PUBLIC KEY")) {
                spki = der;
            }
        }
        if (pkcs8 == null || spki == null) {
            throw new IllegalArgumentException("The key file holds a PRIVATE KEY block and a PUBLIC KEY block (PEM); "
                    + (pkcs8 == null ? "the private key" : "the public key") + " is missing");
        }
        PrivateKey privateKey;
        PublicKey publicKey;
        try {
            var factory = KeyFactory.getInstance("Ed25519");
            privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            publicKey = factory.generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The key file's keys are not Ed25519 keys (" + e.getClass().getSimpleName() + ")");
        }
        var key = new SigningKey(privateKey, VerifierKey.of(name, publicKey));
        var probe = "changebot/audit/key-check".getBytes(StandardCharsets.US_ASCII);
        if (!key.verifierKey.verifies(probe, key.sign(probe))) {
            throw new IllegalArgumentException("The key file's public key does not belong to its private key");
        }
        return key;
    }

    /** The file form: PKCS#8 private key, then the public key, both PEM. Keep it secret (mode 0600). */
    public String pem() {
        try {
            return block("PRIVATE KEY", privateKey.getEncoded()) + block("PUBLIC KEY", verifierKey.javaKey().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    public String name() {
        return verifierKey.name();
    }

    public byte[] sign(byte[] message) {
        try {
            var signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    private static byte[] decode(String base64, String label) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The key file's " + label + " block is not base64");
        }
    }

    private static String block(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    @Override
    public String toString() {
        return "SigningKey[" + verifierKey + "]";
    }
}
