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

    OverrideRequest with(Signature signature) {
        var all = new ArrayList<>(signers);
        all.add(signature);
        return new OverrideRequest(justification, rules, all, requestedAt);
    }

    /** One person's signature, with the roles they held when they signed. */
    public record Signature(String userId, Set<String> roles) {

        public Signature {
            roles = Set.copyOf(roles);
        }
    }
}
