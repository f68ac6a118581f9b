package dev.changebot.application.evidence;

import dev.changebot.application.audit.ChainRecordedFacts;
import dev.changebot.application.port.AuditNotes;
import dev.changebot.application.port.AuditPublicKeys;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.audit.CanonicalJson;
import dev.changebot.domain.audit.SigningKey;
import dev.changebot.domain.evidence.EvidencePack;
import dev.changebot.domain.evidence.Period;
import dev.changebot.domain.evidence.PeriodReading;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * `/change evidence <period>`: who may export (the roles the policy's audit section names, looked
 * up now), the period read in the policy's time zone, and the pack built from one snapshot of the
 * database, carrying a checkpoint of the chain as exported, signed with the bot's key; each export is
 * recorded for the audit chain as {@code EvidenceExported}.
 */
@Singleton
public class ExportEvidence {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExportEvidence.class);

    private final EvidenceRecords records;
    private final AuditNotes notes;
    private final Transactions transactions;
    private final RoleDirectory directory;
    private final AuditPublicKeys keys;
    private final SigningKey signingKey;
    private final Policy policy;
    private final Clock clock;
    private final Provider<ChainRecordedFacts> chaining;

    public ExportEvidence(EvidenceRecords records, AuditNotes notes, Transactions transactions, RoleDirectory directory,
                          AuditPublicKeys keys, SigningKey signingKey, Policy policy, Clock clock,
                          Provider<ChainRecordedFacts> chaining) {
        this.records = records;
        this.notes = notes;
        this.transactions = transactions;
        this.directory = directory;
        this.keys = keys;
        this.signingKey = signingKey;
        this.policy = policy;
        this.clock = clock;
        this.chaining = chaining;
    }

    /** The period asked for, or why not; nothing is read yet. */
    public PeriodReading.Result period(String text) {
        var now = clock.instant();
        return PeriodReading.read(text, policy.zone(), now.atZone(policy.zone()).toLocalDate());
    }

    /** Why this person may not export, or empty when they may. */
    public Optional<String> refusal(String workspaceId, String userId) {
        var allowed = policy.audit().evidenceRoles();
        if (allowed.isEmpty()) {
            return Optional.of("This workspace's policy names nobody who may export evidence: its owner can add"
                    + " `audit: evidence_roles: [...]` (the command line's `evidence export` works without it).");
        }
        if (!policy.audit().mayExportEvidence(directory.rolesOf(workspaceId, userId))) {
            return Optional.of("Only " + String.join(", ", allowed.stream().sorted().toList())
                    + " may export the evidence pack, and you do not hold that role.");
        }
        return Optional.empty();
    }

    /** Builds the pack (slow for a long period: call it off the request path) and records the export. */
    public EvidencePack export(String workspaceId, String userId, Period period) {
        // What was recorded up to the request is chained first, so the pack and its signed checkpoint
        // cover it, however far behind the sequencer's thread runs; if that fails, the pack holds the chain
        // as it is, and its README says how far the signature covers.
        try {
            chaining.get().chainWaiting();
        } catch (RuntimeException e) {
            LOG.warn("Could not chain the waiting facts before an evidence export; exporting the chain as it is", e);
        }
        var now = clock.instant();
        var data = SignExportedChain.sign(records, records.read(workspaceId, period), signingKey, now);
        var pack = EvidencePack.build(data, period, now, userId, keys.verifierKeys());
        transactions.inTransaction(() -> {
            notes.record(workspaceId, EXPORTED, userId, now, details(period, pack, "slack"));
            return null;
        });
        return pack;
    }

    /** The kind of the fact that records an export, from Slack or from the command line. */
    public static final String EXPORTED = "EvidenceExported";

    /** What the record of an export says, from Slack ({@code via} slack) or the command line. */
    public static Map<String, Object> details(Period period, EvidencePack pack, String via) {
        var details = new LinkedHashMap<String, Object>();
        details.put("period", period.label());
        details.put("from", CanonicalJson.instant(period.from()));
        details.put("until", CanonicalJson.instant(period.until()));
        details.put("changes", (long) pack.summary().changes());
        details.put("chainSize", pack.summary().chainSize());
        details.put("sha256", pack.sha256());
        details.put("via", via);
        return details;
    }
}
