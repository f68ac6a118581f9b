package dev.changebot.cli.audit;

import dev.changebot.domain.audit.ChainEntry;
import dev.changebot.domain.audit.ChainVerifier;
import dev.changebot.domain.audit.JsonText;
import dev.changebot.domain.audit.VerifierKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Reads an evidence pack (docs/audit.md, "The evidence pack"): {@code audit.jsonl}, one entry per
 * line from seq 1 ({@code {"chain","seq","prev","hash","body"}}, hashes in base64, the body as a JSON
 * string), the newest signed checkpoint in {@code checkpoint.txt}, the public keys in
 * {@code public-key.txt}. Offline: the pack is all it needs.
 */
final class PackChains {

    /** The pack's files the verifier reads. */
    static final String ENTRIES = "audit.jsonl";
    static final String CHECKPOINT = "checkpoint.txt";
    static final String PUBLIC_KEYS = "public-key.txt";

    /** What a pack held: a verifier per chain, and the keys the pack names (to compare with the published ones). */
    record Read(List<ChainVerifier> chains, List<String> packKeys) {
    }

    /** Not a pack: a missing or unreadable file, not a zip, or no audit.jsonl in it. */
    static final class UnusablePack extends Exception {
        UnusablePack(String message) {
            super(message);
        }
    }

    private PackChains() {
    }

    static Read read(Path pack, String only, List<VerifierKey> keys, List<String> extraNotes) throws UnusablePack {
        try (var zip = new ZipFile(pack.toFile(), StandardCharsets.UTF_8)) {
            var entries = zip.getEntry(ENTRIES);
            if (entries == null) {
                throw new UnusablePack(pack + " holds no " + ENTRIES + ": it is not an evidence pack");
            }
            var verifiers = new LinkedHashMap<String, ChainVerifier>();
            try (var lines = new BufferedReader(new InputStreamReader(zip.getInputStream(entries), StandardCharsets.UTF_8))) {
                String line;
                int number = 0;
                while ((line = lines.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    entry(line, number, only, keys, verifiers);
                }
            }
            var notes = new ArrayList<String>();
            var checkpoint = zip.getEntry(CHECKPOINT);
            if (checkpoint != null) {
                notes.add(new String(zip.getInputStream(checkpoint).readAllBytes(), StandardCharsets.UTF_8));
            }
            attach(notes, CHECKPOINT, verifiers, only, keys);
            attach(extraNotes, "given with --checkpoint", verifiers, only, keys);
            var packKeys = new ArrayList<String>();
            var keyFile = zip.getEntry(PUBLIC_KEYS);
            if (keyFile != null) {
                new String(zip.getInputStream(keyFile).readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(l -> !l.isEmpty()).forEach(packKeys::add);
            }
            return new Read(List.copyOf(verifiers.values()), packKeys);
        } catch (java.util.zip.ZipException e) {
            throw new UnusablePack(pack + " is not a zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new UnusablePack(pack + " cannot be read: " + e.getMessage());
        }
    }

    private static void entry(String line, int number, String only, List<VerifierKey> keys,
                              Map<String, ChainVerifier> verifiers) {
        Map<String, Object> json;
        String chain;
        try {
            json = JsonText.object(line);
            chain = (String) json.get("chain");
            if (chain == null) {
                throw new IllegalArgumentException("no chain");
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            var first = verifiers.values().stream().findFirst();
            if (first.isPresent()) {
                first.get().problem(first.get().size() + 1, ENTRIES + " line " + number + " is not an entry: "
                        + e.getMessage());
            } else {
                verifiers.computeIfAbsent("?", c -> new ChainVerifier(c, keys)).problem(null,
                        ENTRIES + " line " + number + " is not an entry: " + e.getMessage());
            }
            return;
        }
        if (only != null && !only.equals(chain)) {
            return;
        }
        var verifier = verifiers.computeIfAbsent(chain, c -> new ChainVerifier(c, keys));
        try {
            verifier.accept(new ChainEntry(chain, (Long) json.get("seq"), bytes(json, "prev"), bytes(json, "hash"),
                    (String) json.get("body"), null));
        } catch (RuntimeException e) {
            verifier.problem(verifier.size() + 1, ENTRIES + " line " + number + " is not a well-formed entry: "
                    + e.getMessage());
        }
    }

    /** A checkpoint goes to the chain its origin names; one of a chain the pack lacks makes that chain, empty. */
    private static void attach(List<String> notes, String where, Map<String, ChainVerifier> verifiers, String only,
                               List<VerifierKey> keys) {
        for (var note : notes) {
            var chain = CheckpointNotes.chainOf(note).orElse(null);
            if (chain == null || (only != null && !only.equals(chain))) {
                if (chain == null && !verifiers.isEmpty()) {
                    verifiers.values().iterator().next().checkpoint(where, note);
                }
                continue;
            }
            verifiers.computeIfAbsent(chain, c -> new ChainVerifier(c, keys)).checkpoint(where, note);
        }
    }

    private static byte[] bytes(Map<String, Object> json, String name) {
        if (json.get(name) instanceof String text) {
            return Base64.getDecoder().decode(text);
        }
        throw new IllegalArgumentException("\"" + name + "\" is not a base64 string");
    }
}
