package dev.changebot.domain.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An override that needs more than one person ("Backend Lead + SRE Lead together"): the
 * justification the first signer wrote, the rules it is against, and everyone who signed so far
 * with the roles they brought.
 */
public record OverrideRequest(String justification, List<String> rules, List<Signature> signers, Instant requestedAt) {

    public OverrideRequest {
        rules = List.copyOf(rules);
        signers = List.copyOf(signers);
    }

    public Set<String> roles() {
        var roles = new LinkedHashSet<String>();
        signers.forEach(s -> roles.addAll(s.roles()));
        return roles;
    }

    public boolean signedBy(String userId) {
        return signers.stream().anyMatch(s -> s.userId().equals(userId));
    }

    /** The first signature opens the request with its justification; later ones join it. */
    static OverrideRequest sign(OverrideRequest pending, Signature signature, String justification, List<String> rules,
                                Instant now) {
        if (pending == null) {
            return new OverrideRequest(justification.strip(), rules, List.of(signature), now);
        }
        var all = new ArrayList<>(pending.signers);
        all.add(signature);
        return new OverrideRequest(pending.justification, pending.rules, all, pending.requestedAt);
    }

    /** Everyone who signed so far, then the person completing the override. */
    static List<String> signersWith(OverrideRequest pending, String userId) {
        var signers = new ArrayList<String>();
        if (pending != null) {
            pending.signers.forEach(s -> signers.add(s.userId()));
        }
        signers.add(userId);
        return signers;
    }

    /** One person's signature, with the roles they held when they signed. */
    public record Signature(String userId, Set<String> roles) {

        public Signature {
            roles = Set.copyOf(roles);
        }
    }
}
