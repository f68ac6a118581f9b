package dev.changebot.policyfile;

import dev.changebot.domain.policy.IncidentSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code incidents:} — how a tool's severities and services become the policy's, what an incident
 * on an unmapped service freezes, and the cool-down after resolution. Service targets are checked
 * against the policy's {@code services:} once those are read ({@link #checkServices}).
 */
final class IncidentsReader {

    private final Problems problems;
    private final Values values;
    private final Map<String, Node> serviceTargets = new LinkedHashMap<>();

    private final References references;

    IncidentsReader(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
        this.values = new Values(problems);
    }

    IncidentSettings read(YamlMap section) {
        section.allowOnly(Set.of("severities", "services", "unmapped_services", "cool_down", "declared_by", "channel"));
        var severities = pairs(section, "severities", "e.g. severities: {P1: SEV1, critical: SEV1}", false);
        var services = pairs(section, "services", "e.g. services: {PABC123: payments-api}", true);
        var unmapped = IncidentSettings.UnmappedServices.ALL;
        var rule = section.string("unmapped_services");
        if (rule.isPresent()) {
            switch (rule.get()) {
                case "all" -> unmapped = IncidentSettings.UnmappedServices.ALL;
                case "none" -> unmapped = IncidentSettings.UnmappedServices.NONE;
                default -> problems.at(section.get("unmapped_services").orElseThrow(),
                        "'" + section.child("unmapped_services") + "' must be all or none, not '" + rule.get() + "'",
                        "all: an incident on a service the mapping does not name freezes every service (the default)");
            }
        }
        var coolDown = section.string("cool_down").flatMap(text ->
                values.duration(text, section.get("cool_down").orElseThrow(), section.child("cool_down")))
                .orElse(Duration.ZERO);
        var declaredBy = references.roles(section.strings("declared_by"));
        var channel = section.string("channel").map(String::strip);
        channel.filter(c -> !c.matches("#[a-z0-9_-]{1,80}|[CG][A-Z0-9]{8,}")).ifPresent(c ->
                problems.at(section.get("channel").orElseThrow(), "'" + section.child("channel") + "' must be a channel, not '"
                        + c + "'", "name it \"#changes\" (quoted: # starts a YAML comment) or give its id, e.g. C0123ABCD"));
        return new IncidentSettings(severities, services, unmapped, coolDown, declaredBy, channel.map(c -> c.replaceFirst("^#", "")));
    }

    /** Every mapped service must be one of the policy's (when it lists services at all). */
    void checkServices(Set<String> policyServices) {
        if (policyServices.isEmpty()) {
            return;
        }
        serviceTargets.forEach((target, node) -> {
            if (!policyServices.contains(target)) {
                problems.at(node, "incidents.services maps to '" + target + "', which is not a service of the policy",
                        "services are: " + String.join(", ", policyServices));
            }
        });
    }

    private Map<String, String> pairs(YamlMap section, String key, String hint, boolean targetsAreServices) {
        var pairs = new LinkedHashMap<String, String>();
        section.map(key).ifPresent(map -> map.entries().forEach((from, node) -> {
            if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar && !scalar.getValue().isBlank()) {
                pairs.put(from, scalar.getValue().strip());
                if (targetsAreServices) {
                    serviceTargets.putIfAbsent(scalar.getValue().strip(), node);
                }
            } else {
                problems.at(node, "'" + map.child(from) + "' must name one of the policy's names", hint);
            }
        }));
        if (section.has(key) && section.map(key).isEmpty()) {
            problems.at(section.get(key).orElseThrow(), "'" + section.child(key) + "' must be a mapping", hint);
        }
        return pairs;
    }
}
