package dev.changebot.domain.policy;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy's {@code incidents:} section: how a tool's severities ("P1", "critical") and services
 * (a PagerDuty service id or name) become the policy's, what an incident on a service the policy
 * does not know freezes, and how long a freeze outlasts the incident ({@code cool_down}).
 * Names are matched without regard to case; a severity without a mapping is kept as it came.
 * {@code declaredBy}: the roles that may start, resolve and link incidents in Slack; {@code channel}:
 * where the freeze banner and the digest go (else the policy's API, report or escalation channel).
 */
public record IncidentSettings(Map<String, String> severities, Map<String, String> services,
                               UnmappedServices unmappedServices, Duration coolDown, Set<String> declaredBy,
                               java.util.Optional<String> channel) {

    /** What an incident on a service the mapping does not name freezes. */
    public enum UnmappedServices { ALL, NONE }

    /** What a list of a tool's services covers in the policy: some services, or all of them. */
    public record Coverage(Set<String> services, boolean all) {
        public Coverage {
            services = Collections.unmodifiableSet(new LinkedHashSet<>(services));
        }
    }

    public IncidentSettings {
        severities = lowerKeys(severities);
        services = lowerKeys(services);
        declaredBy = Set.copyOf(declaredBy);
        if (coolDown.isNegative()) {
            throw new IllegalArgumentException("cool_down must not be negative");
        }
    }

    /** No section: severities and services are taken as written; unmapped services freeze everything. */
    public static IncidentSettings none() {
        return new IncidentSettings(Map.of(), Map.of(), UnmappedServices.ALL, Duration.ZERO, Set.of(),
                java.util.Optional.empty());
    }

    public String severity(String raw) {
        var mapped = severities.get(raw.toLowerCase(java.util.Locale.ROOT));
        return mapped == null ? raw : mapped;
    }

    /** These settings where each of the policy's own service names also maps to itself (unless mapped elsewhere). */
    public IncidentSettings withKnownServices(Set<String> known) {
        var all = new LinkedHashMap<String, String>();
        known.forEach(name -> all.put(name, name));
        all.putAll(services);
        return new IncidentSettings(severities, all, unmappedServices, coolDown, declaredBy, channel);
    }

    /**
     * The policy's services among a tool's, through the mapping; a service it does not map is left to
     * {@code unmapped_services}. Each entry holds the names one service goes by (PagerDuty sends an
     * id and a name: either may be mapped). No service named: all of them.
     */
    public Coverage services(List<List<String>> raw) {
        if (raw.isEmpty()) {
            return new Coverage(Set.of(), true);
        }
        var mapped = new LinkedHashSet<String>();
        boolean unmapped = false;
        for (var names : raw) {
            var target = names.stream().map(name -> services.get(name.toLowerCase(java.util.Locale.ROOT)))
                    .filter(java.util.Objects::nonNull).findFirst();
            if (target.isPresent()) {
                mapped.add(target.get());
            } else {
                unmapped = true;
            }
        }
        if (unmapped && unmappedServices == UnmappedServices.ALL) {
            return new Coverage(mapped, true);
        }
        // Under "none", an incident only on services nobody mapped freezes nothing: an empty, not-all coverage.
        return new Coverage(mapped, false);
    }

    private static Map<String, String> lowerKeys(Map<String, String> map) {
        var copy = new LinkedHashMap<String, String>();
        map.forEach((k, v) -> copy.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return Collections.unmodifiableMap(copy);
    }
}
