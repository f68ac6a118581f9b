package dev.changebot.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignedCheckpointTest {

    /** RFC 8032, section 7.1, test 1: the secret and public key, in the file form SigningKey reads. */
    private static final String RFC8032_PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
            -----END PRIVATE KEY-----
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
            -----END PUBLIC KEY-----
            """;
    private static final Instant TAKEN = Instant.parse("2026-11-30T10:00:00Z");

    private final byte[] head = EntryHash.of(EntryHash.genesis(), "{}");

    @Test
    @DisplayName("RFC 8032's test key: the signature of the empty message and the verifier key's id match values computed apart")
    void signsAsTheStandardSays() {
        var key = SigningKey.fromPem("changebot-audit", RFC8032_PEM);
        assertThat(HexFormat.of().formatHex(key.sign(new byte[0]))).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1e"
                + "b8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(key.verifierKey().toString())
                .isEqualTo("changebot-audit+a4182c8f+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea");
        assertThat(VerifierKey.parse(key.verifierKey().toString())).isEqualTo(key.verifierKey());
    }

    @Test
    @DisplayName("a checkpoint's text: origin, size, base64 head, time; parsed back to the same checkpoint")
    void checkpointTextRoundTrips() {
        var checkpoint = new Checkpoint(Checkpoint.originOf("T0ACME"), 42, head, TAKEN);
        assertThat(checkpoint.text()).isEqualTo("changebot.audit/T0ACME\n42\n" + Base64.getEncoder().encodeToString(head)
                + "\ntime 2026-11-30T10:00:00Z\n");
        assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
        assertThat(checkpoint.chainId()).contains("T0ACME");
    }

    @Test
    @DisplayName("a malformed checkpoint is refused with the line and the reason")
    void malformedCheckpointsAreRefused() {
        var good = new Checkpoint(Checkpoint.originOf("T0ACME"), 42, head, TAKEN).text();
        assertThatThrownBy(() -> Checkpoint.parse(good.replace("\n42\n", "\n-1\n"))).hasMessageContaining("Line 2");
        assertThatThrownBy(() -> Checkpoint.parse(good.replace("\n42\n", "\n042\n"))).hasMessageContaining("Line 2");
        assertThatThrownBy(() -> Checkpoint.parse("changebot.audit/T0ACME\n42\nAAAA\ntime 2026-11-30T10:00:00Z\n"))
                .hasMessageContaining("32-byte");
        assertThatThrownBy(() -> Checkpoint.parse(good.replace("time ", "when "))).hasMessageContaining("time");
        assertThatThrownBy(() -> Checkpoint.parse("changebot.audit/T0ACME\n42\n")).hasMessageContaining("four lines");
    }

    @Test
    @DisplayName("signed, formatted, parsed: the signature verifies; a changed size, another key or another name does not")
    void signaturesBindTextAndKey() {
        var key = SigningKey.generate("changebot-audit");
        var checkpoint = new Checkpoint(Checkpoint.originOf("T0ACME"), 42, head, TAKEN);
        var note = SignedNote.sign(checkpoint.text(), key).format();

        assertThat(note).startsWith(checkpoint.text() + "\n\u2014 changebot-audit ");
        var parsed = SignedNote.parse(note);
        assertThat(parsed.signedBy(key.verifierKey())).isTrue();
        assertThat(Checkpoint.parse(parsed.text())).isEqualTo(checkpoint);

        var forged = SignedNote.parse(note.replace("\n42\n", "\n41\n"));
        assertThat(forged.signedBy(key.verifierKey())).isFalse();
        assertThat(parsed.signedBy(SigningKey.generate("changebot-audit").verifierKey())).isFalse();
        assertThat(parsed.signedBy(VerifierKey.of("someone-else", key.verifierKey().publicKey()))).isFalse();
    }

    @Test
    @DisplayName("a note copied from Slack with CRLF line ends and no final newline still verifies")
    void toleratesWhatCopyingDoes() {
        var key = SigningKey.generate("changebot-audit");
        var note = SignedNote.sign(new Checkpoint(Checkpoint.originOf("T0ACME"), 7, head, TAKEN).text(), key).format();
        var copied = note.strip().replace("\n", "\r\n");
        assertThat(SignedNote.parse(copied).signedBy(key.verifierKey())).isTrue();
    }

    @Test
    @DisplayName("the key file: PEM round trip; a public key of another pair, a missing block or a bad verifier key is refused")
    void keyFileIsChecked() {
        var key = SigningKey.generate("changebot-audit");
        var again = SigningKey.fromPem("changebot-audit", key.pem());
        assertThat(again.verifierKey()).isEqualTo(key.verifierKey());

        var other = SigningKey.generate("changebot-audit").pem();
        var mixed = key.pem().substring(0, key.pem().indexOf("-----BEGIN PUBLIC KEY"))
                + other.substring(other.indexOf("-----BEGIN PUBLIC KEY"));
        assertThatThrownBy(() -> SigningKey.fromPem("changebot-audit", mixed)).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> SigningKey.fromPem("changebot-audit", RFC8032_PEM.substring(0, RFC8032_PEM.indexOf("-----BEGIN PUBLIC"))))
                .hasMessageContaining("public key is missing");
        assertThatThrownBy(() -> VerifierKey.parse("changebot-audit+a4182c8e+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea"))
                .hasMessageContaining("is not the id");
        assertThatThrownBy(() -> VerifierKey.parse("just-a-name")).hasMessageContaining("three parts");
    }
}
