package dev.changebot.github;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The GitHub App's private key, as GitHub hands it out: a PEM file, "RSA PRIVATE KEY" (PKCS#1, what
 * the App settings page downloads) or "PRIVATE KEY" (PKCS#8, what {@code openssl pkcs8 -topk8
 * -nocrypt} makes of it). The JDK reads only PKCS#8, so a PKCS#1 key is wrapped in the PKCS#8
 * envelope for RSA first: the key itself is not touched.
 */
public final class AppPrivateKey {

    /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private AppPrivateKey() {
    }

    /** Reads the key file; every failure says which file and what to do. */
    public static RSAPrivateKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the GitHub App's private key " + file.toAbsolutePath()
                    + " (" + e.getClass().getSimpleName() + "): download it from the App's settings page", e);
        }
        return parse(text, file.toAbsolutePath().toString());
    }

    static RSAPrivateKey parse(String pem, String source) {
        if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException(source + " is an encrypted key: give the key GitHub downloaded,"
                    + " which is not encrypted (keep the file readable only by the bot instead)");
        }
        boolean pkcs1 = pem.contains("-----BEGIN RSA PRIVATE KEY-----");
        boolean pkcs8 = pem.contains("-----BEGIN PRIVATE KEY-----");
        if (!pkcs1 && !pkcs8) {
            throw new IllegalArgumentException(source + " is not a PEM private key (expected a"
                    + " -----BEGIN RSA PRIVATE KEY----- block, as GitHub downloads it)");
        }
        var label = pkcs1 ? "RSA PRIVATE KEY" : "PRIVATE KEY";
        var start = pem.indexOf("-----BEGIN " + label + "-----") + ("-----BEGIN " + label + "-----").length();
        var end = pem.indexOf("-----END " + label + "-----", start);
        if (end < 0) {
            throw new IllegalArgumentException(source + " is cut short: its -----END " + label + "----- line is missing");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(start, end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not valid base64 between its PEM lines", e);
        }
        try {
            var spec = new PKCS8EncodedKeySpec(pkcs1 ? wrapPkcs1(der) : der);
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(source + " is not an RSA private key GitHub could have issued", e);
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING (the PKCS#1 key) }. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        var info = new ByteArrayOutputStream();
        info.write(0x30);
        info.writeBytes(length(body.size()));
        info.writeBytes(body.toByteArray());
        return info.toByteArray();
    }

    /** A DER length: short form under 128, else 0x80 + the count of big-endian length bytes. */
    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
        var out = new byte[bytes + 1];
        out[0] = (byte) (0x80 | bytes);
        for (int i = bytes; i > 0; i--) {
            out[i] = (byte) n;
            n >>>= 8;
        }
        return out;
    }
}
