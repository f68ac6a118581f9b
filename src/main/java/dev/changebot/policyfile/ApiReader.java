package dev.changebot.policyfile;

import dev.changebot.domain.policy.ApiSettings;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code api:} — who may manage API tokens in Slack, and where changes created by gate checks are announced. */
final class ApiReader {

    private final Problems problems;
    private final References references;

    ApiReader(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
    }

    ApiSettings read(YamlMap api) {
        api.allowOnly(Set.of("token_admins", "channel"));
        var admins = new LinkedHashSet<>(references.roles(api.strings("token_admins")));
        var channel = api.string("channel").map(String::strip);
        channel.filter(c -> !c.matches("#[a-z0-9_-]{1,80}|[CG][A-Z0-9]{8,}")).ifPresent(c ->
                problems.at(api.get("channel").orElseThrow(), "'api.channel' must be a channel, not '" + c + "'",
                        "name it \"#deploys\" (quoted: # starts a YAML comment) or give its id, e.g. C0123ABCD"));
        return new ApiSettings(admins, channel);
    }
}
