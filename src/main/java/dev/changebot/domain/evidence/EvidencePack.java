package dev.changebot.domain.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence pack for a period: a zip an auditor opens with any tool (docs/audit.md, "The evidence pack"
 * lists its files and columns), and the summary said with it.
 */
public record EvidencePack(byte[] zip, PackSummary summary) {

    public static EvidencePack build(EvidenceData data, Period period, Instant exportedAt, String exportedBy,
                                     List<String> verifierKeys) {
        var changes = data.changes();
        var exceptions = ExceptionsCsv.rows(data, exportedAt);
        var summary = new PackSummary(period, changes.size(),
                (int) changes.stream().filter(ChangeRecord::emergency).count(),
                (int) changes.stream().filter(c -> c.first("ChangePreApproved").isPresent()).count(),
                (int) changes.stream().mapToLong(c -> c.eventsOf("ChangeStartedByOverride").size()).sum(),
                exceptions.size(),
                (int) exceptions.stream().filter(r -> r.get(1).equals(ExceptionsCsv.LATE) || r.get(1).equals(ExceptionsCsv.MISSING)).count(),
                gaps(data), data.chain().size(),
                data.checkpoint().map(EvidenceData.CarriedCheckpoint::size).orElse(0L));
        var files = new LinkedHashMap<String, byte[]>();
        files.put("changes.csv", ChangesCsv.of(changes));
        files.put("approvals.csv", ApprovalsCsv.of(changes));
        files.put("exceptions.csv", ExceptionsCsv.of(exceptions));
        files.put("incidents.csv", IncidentsCsv.of(data.incidents()));
        files.put("conflicts.csv", ConflictsCsv.of(data.conflicts()));
        files.put("audit.jsonl", AuditJsonl.of(data.chain()));
        files.put("checkpoint.txt", data.checkpointNote().orElse("").getBytes(StandardCharsets.UTF_8));
        files.put("public-key.txt", verifierKeys.stream().map(k -> k + "\n").reduce("", String::concat)
                .getBytes(StandardCharsets.UTF_8));
        files.put("README.txt", PackReadme.text(data.workspaceId(), summary, exportedAt, exportedBy,
                !verifierKeys.isEmpty()).getBytes(StandardCharsets.UTF_8));
        return new EvidencePack(zip(files, exportedAt), summary);
    }

    /** The zip's SHA-256, lower-case hex: what the export's record in the audit chain names. */
    public String sha256() {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(zip));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Numbers missing between the last change before the period and the period's last one. */
    static List<Long> gaps(EvidenceData data) {
        var gaps = new ArrayList<Long>();
        long expected = data.lastNumberBefore() + 1;
        for (var change : data.changes()) {
            for (long n = expected; n < change.number(); n++) {
                gaps.add(n);
            }
            expected = Math.max(expected, change.number() + 1);
        }
        return gaps;
    }

    private static byte[] zip(Map<String, byte[]> files, Instant at) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var file : files.entrySet()) {
                var entry = new ZipEntry(file.getKey());
                entry.setTime(at.toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
