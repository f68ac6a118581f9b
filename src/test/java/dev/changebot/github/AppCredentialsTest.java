package dev.changebot.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The App's private key as GitHub hands it out, the App's JWT, and the webhook signature. */
class AppCredentialsTest {

    private static KeyPair pair;

    @BeforeAll
    static void makeKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
    }

    @Test
    void readsTheKeyAsGitHubDownloadsItPkcs1(@TempDir Path dir) throws Exception {
        var file = dir.resolve("app.pem");
        Files.writeString(file, pem("RSA PRIVATE KEY", pkcs1(pair.getPrivate().getEncoded())));

        var key = AppPrivateKey.read(file);

        assertThat(key.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    }

    @Test
    void readsAPkcs8Key(@TempDir Path dir) throws Exception {
        var file = dir.resolve("app.pem");
        Files.writeString(file, "comment before\n" + pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

        assertThat(AppPrivateKey.read(file).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    }

    @Test
    void unusableKeysAreNamedWithTheFixNotAStackTrace(@TempDir Path dir) throws Exception {
        var missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> AppPrivateKey.read(missing))
                .hasMessageContaining(missing.toString()).hasMessageContaining("download it");

        var encrypted = dir.resolve("enc.pem");
        Files.writeString(encrypted, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> AppPrivateKey.read(encrypted)).hasMessageContaining("encrypted");

        var notPem = dir.resolve("cert.pem");
        Files.writeString(notPem, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> AppPrivateKey.read(notPem)).hasMessageContaining("not a PEM private key");

        var cut = dir.resolve("cut.pem");
        Files.writeString(cut, "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n");
        assertThatThrownBy(() -> AppPrivateKey.read(cut)).hasMessageContaining("END RSA PRIVATE KEY");

        var garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, pem("RSA PRIVATE KEY", "not a key at all".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> AppPrivateKey.read(garbage)).hasMessageContaining("not an RSA private key");
    }

    @Test
    void theJwtIsRs256SignedByTheAppBackdatedAndShortLived() throws Exception {
        var clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        var jwt = new AppJwt("123456", (java.security.interfaces.RSAPrivateKey) pair.getPrivate(), clock).token();

        var parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        var decoder = Base64.getUrlDecoder();
        assertThat(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        var now = Instant.parse("2026-12-02T10:00:00Z").getEpochSecond();
        assertThat(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8))
                .isEqualTo("{\"iat\":" + (now - 60) + ",\"exp\":" + (now + 540) + ",\"iss\":\"123456\"}");
        var rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(pair.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(decoder.decode(parts[2]))).isTrue();
        assertThat(jwt).doesNotContain("=");
    }

    @Test
    void anAppIdThatCouldBreakTheClaimsIsRefused() {
        assertThatThrownBy(() -> new AppJwt("1\",\"iss\":\"2", (java.security.interfaces.RSAPrivateKey) pair.getPrivate(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWebhookSignatureIsGitHubsHmacOfTheRawBody() {
        // GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!".
        var signature = new WebhookSignature("It's a Secret to Everybody");
        var body = "Hello, World!".getBytes(StandardCharsets.UTF_8);

        assertThat(signature.header(body))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
        assertThat(signature.matches(body, "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")).isTrue();
        assertThat(signature.matches(body, "sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17")).isTrue();
        assertThat(signature.matches("Hello, World?".getBytes(StandardCharsets.UTF_8),
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")).isFalse();
        assertThat(signature.matches(body, null)).isFalse();
        assertThat(signature.matches(body, "sha1=757107ea")).isFalse();
        assertThat(signature.matches(body, "sha256=not-hex")).isFalse();
        assertThat(signature.matches(body, "sha256=757107ea")).isFalse();
        assertThat(new WebhookSignature("another secret").matches(body, signature.header(body))).isFalse();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The PKCS#1 key inside a PKCS#8 PrivateKeyInfo: the content of its final OCTET STRING. */
    private static byte[] pkcs1(byte[] pkcs8) {
        int at = 0;
        at = skipHeader(pkcs8, at);               // SEQUENCE PrivateKeyInfo
        at = skipElement(pkcs8, at);              // INTEGER version
        at = skipElement(pkcs8, at);              // AlgorithmIdentifier
        int content = skipHeader(pkcs8, at);      // OCTET STRING
        return Arrays.copyOfRange(pkcs8, content, pkcs8.length);
    }

    private static int skipHeader(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        return at + 2 + (first < 0x80 ? 0 : first & 0x7f);
    }

    private static int skipElement(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        int length = 0;
        int lengthBytes = first < 0x80 ? 0 : first & 0x7f;
        if (lengthBytes == 0) {
            length = first;
        }
        for (int i = 0; i < lengthBytes; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xff);
        }
        return at + 2 + lengthBytes + length;
    }
}
