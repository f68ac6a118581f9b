package dev.changebot.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A fact as it was first recorded, before it is chained: a change_event row, a declared freeze's
 * declaration or lifting, an audit_note row, or the policy a node loaded. The sequencer makes an
 * entry of it; the verifier compares a live row with its entry the same way.
 *
 * @param source   where it was written: {@code change_event}, {@code freeze_declared},
 *                 {@code freeze_lifted}, {@code audit_note}, or {@code policy} (no row, no id)
 * @param sourceId that row's id; null for {@code policy}
 * @param changeNumber the CHG number of the change it belongs to, or null
 * @param details  values {@link CanonicalJson} can write
 */
public record SourceFact(String kind, Long changeNumber, String actor, Instant at, Instant recorded,
                         String source, Long sourceId, Map<String, Object> details) {

    public static final String CHANGE_EVENT = "change_event";
    public static final String FREEZE_DECLARED = "freeze_declared";
    public static final String FREEZE_LIFTED = "freeze_lifted";
    public static final String AUDIT_NOTE = "audit_note";
    public static final String POLICY = "policy";

    public SourceFact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(source, "source");
        if ((sourceId == null) != POLICY.equals(source)) {
            throw new IllegalArgumentException("Only a policy fact has no source row: " + source + " " + sourceId);
        }
        details = details == null ? Map.of() : details;
        // PostgreSQL keeps microseconds: the body and the stored columns say the same time.
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        recorded = recorded.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** How the body names the source: {@code change_event:123}, or {@code policy}. */
    public String sourceRef() {
        return sourceId == null ? source : source + ":" + sourceId;
    }

    /** The entry this fact becomes at position {@code seq} of chain {@code chainId}. */
    public EntryBody body(String chainId, long seq) {
        return new EntryBody(chainId, seq, kind, changeNumber, actor, CanonicalJson.instant(at),
                CanonicalJson.instant(recorded), sourceRef(), details);
    }

    /** A declared freeze's declaration (/change freeze start): it starts when it is declared. */
    public static SourceFact freezeDeclared(long freezeId, String reason, String declaredBy, Instant starts, Instant ends) {
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("freeze", freezeId);
        details.put("reason", reason);
        details.put("starts", CanonicalJson.instant(starts));
        details.put("ends", ends == null ? null : CanonicalJson.instant(ends));
        return new SourceFact("FreezeDeclared", null, declaredBy, starts, starts, FREEZE_DECLARED, freezeId, details);
    }

    /** A declared freeze lifted (/change freeze end). */
    public static SourceFact freezeLifted(long freezeId, String reason, String liftedBy, Instant liftedAt) {
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("freeze", freezeId);
        details.put("reason", reason);
        return new SourceFact("FreezeLifted", null, liftedBy, liftedAt, liftedAt, FREEZE_LIFTED, freezeId, details);
    }
}
