package dev.changebot.policyfile;

import dev.changebot.domain.policy.ReportSettings;
import java.util.Set;

/** {@code reports:} — the channel the monthly report is posted to. */
final class ReportsReader {

    private final Problems problems;

    ReportsReader(Problems problems) {
        this.problems = problems;
    }

    ReportSettings read(YamlMap reports) {
        reports.allowOnly(Set.of("channel"));
        var channel = reports.requiredString("channel", "the channel the monthly report goes to, e.g. channel: \"#deployments\"")
                .map(String::strip);
        channel.filter(c -> !c.matches("#[a-z0-9_-]{1,80}|[CG][A-Z0-9]{8,}")).ifPresent(c ->
                problems.at(reports.get("channel").orElseThrow(), "'reports.channel' must be a channel, not '" + c + "'",
                        "name it \"#deployments\" (quoted: # starts a YAML comment) or give its id, e.g. C0123ABCD"));
        return new ReportSettings(channel);
    }
}
