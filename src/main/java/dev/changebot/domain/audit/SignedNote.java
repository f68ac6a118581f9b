package dev.changebot.domain.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A text with signatures under it, in the C2SP signed-note form that transparency logs use for
 * checkpoints: the text (non-empty, every line ending in a newline), one blank line, then one line
 * per signature — an em dash (U+2014), a space, the key's name, a space, and
 * {@code base64(key id (4 bytes, big-endian) || Ed25519 signature of the text)}.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    private static final String DASH = "\u2014 ";

    public SignedNote {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("A note's text is non-empty and ends with a newline");
        }
        if (text.contains("\n\n")) {
            throw new IllegalArgumentException("A note's text has no blank line");
        }
        signatures = List.copyOf(signatures);
    }

    /** One signature line: the signer's name, its key id and the signature. */
    public record NoteSignature(String name, int keyId, byte[] signature) {

        public NoteSignature {
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        String line() {
            var payload = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
            return DASH + name + " " + Base64.getEncoder().encodeToString(payload) + "\n";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NoteSignature that && name.equals(that.name) && keyId == that.keyId
                    && Arrays.equals(signature, that.signature);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + keyId;
        }
    }

    public static SignedNote sign(String text, SigningKey key) {
        var verifier = key.verifierKey();
        var signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new NoteSignature(verifier.name(), verifier.keyId(), signature)));
    }

    /** The whole note as it is posted and copied: text, blank line, signature lines. */
    public String format() {
        var out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    /**
     * Reads a note as {@link #format()} writes it. Lines copied from a chat client may end in
     * {@code \r\n} or lose the final newline; both are accepted, nothing else is repaired.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static SignedNote parse(String note) {
        var normalized = note.replace("\r\n", "\n");
        if (!normalized.endsWith("\n")) {
            normalized = normalized + "\n";
        }
        int split = normalized.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("A signed note has a blank line between its text and its signatures");
        }
        var text = normalized.substring(0, split + 1);
        var signatures = new ArrayList<NoteSignature>();
        for (var line : normalized.substring(split + 2).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            signatures.add(signatureLine(line));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("A signed note has at least one signature line");
        }
        return new SignedNote(text, signatures);
    }

    /** True when one of the signatures is {@code key}'s (same name and id) and is valid for the text. */
    public boolean signedBy(VerifierKey key) {
        var message = text.getBytes(StandardCharsets.UTF_8);
        return signatures.stream().anyMatch(s -> s.name().equals(key.name()) && s.keyId() == key.keyId()
                && key.verifies(message, s.signature()));
    }

    private static NoteSignature signatureLine(String line) {
        if (!line.startsWith(DASH)) {
            throw new IllegalArgumentException("A signature line starts with an em dash and a space: " + line);
        }
        var parts = line.substring(DASH.length()).split(" ");
        if (parts.length != 2) {
            throw new IllegalArgumentException("A signature line reads \u2014 <name> <base64 signature>: " + line);
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A signature is base64: " + line);
        }
        if (payload.length < 5) {
            throw new IllegalArgumentException("A signature holds a key id and the signature: " + line);
        }
        var buffer = ByteBuffer.wrap(payload);
        int keyId = buffer.getInt();
        var signature = new byte[payload.length - 4];
        buffer.get(signature);
        return new NoteSignature(parts[0], keyId, signature);
    }
}
