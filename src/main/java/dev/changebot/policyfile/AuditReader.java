package dev.changebot.policyfile;

import dev.changebot.domain.policy.AuditSettings;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code audit:} — who may export evidence packs in Slack, and the channel checkpoints are posted to. */
final class AuditReader {

    private final Problems problems;
    private final References references;

    AuditReader(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
    }

    AuditSettings read(YamlMap audit) {
        audit.allowOnly(Set.of("evidence_roles", "channel"));
        var roles = new LinkedHashSet<>(references.roles(audit.strings("evidence_roles")));
        var channel = audit.string("channel").map(String::strip);
        channel.filter(c -> !c.matches("#[a-z0-9_-]{1,80}|[CG][A-Z0-9]{8,}")).ifPresent(c ->
                problems.at(audit.get("channel").orElseThrow(), "'audit.channel' must be a channel, not '" + c + "'",
                        "name it \"#audit\" (quoted: # starts a YAML comment) or give its id, e.g. C0123ABCD"));
        return new AuditSettings(roles, channel);
    }
}
