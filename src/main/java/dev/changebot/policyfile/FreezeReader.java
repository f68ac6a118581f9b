package dev.changebot.policyfile;

import dev.changebot.domain.policy.Freeze;
import dev.changebot.domain.policy.FreezeSource;
import dev.changebot.domain.policy.IncidentScope;
import dev.changebot.domain.policy.Override;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Reads one entry of {@code freezes:}: its periods (or live source), whom it blocks, who may override. */
final class FreezeReader {

    private static final Set<String> KEYS;

    static {
        var keys = new HashSet<>(ScheduleReader.KINDS);
        keys.addAll(Set.of("label", "timezone", "from", "duration", "applies_to", "override", "active_incidents",
                "declared", "declared_by", "scope", ScopeReader.SERVICES, ScopeReader.ENVIRONMENTS));
        KEYS = Set.copyOf(keys);
    }

    private final Problems problems;
    private final ScheduleReader schedules;
    private final References references;
    private final Values values;

    FreezeReader(Problems problems, References references) {
        this.problems = problems;
        this.schedules = new ScheduleReader(problems);
        this.references = references;
        this.values = new Values(problems);
    }

    Optional<Freeze> read(String name, YamlMap definition, ZoneId policyZone, org.yaml.snakeyaml.nodes.Node key) {
        definition.allowOnly(KEYS);
        var zone = definition.string("timezone")
                .flatMap(text -> values.zone(text, definition.get("timezone").orElseThrow(), definition.child("timezone")))
                .orElse(policyZone);
        var source = source(definition, zone, key);
        var appliesTo = new LinkedHashSet<String>();
        for (var changeClass : definition.strings("applies_to")) {
            references.changeClass(changeClass);
            appliesTo.add(changeClass.text());
        }
        var override = definition.map("override").map(o -> OverrideReader.read(o, references)).orElse(Override.NOBODY);
        var label = definition.string("label").orElse("the " + name + " freeze");
        var scope = new ScopeReader(references).read(definition);
        return source.map(s -> new Freeze(name, label, s, appliesTo, override, scope));
    }

    /** {@code scope: all} (the default) or {@code scope: affected_services}. */
    private IncidentScope incidentScope(YamlMap definition) {
        var scope = definition.string("scope").orElse("all");
        switch (scope) {
            case "all":
                return IncidentScope.ALL;
            case "affected_services":
                return IncidentScope.AFFECTED_SERVICES;
            default:
                problems.at(definition.get("scope").orElseThrow(), "'" + definition.child("scope")
                        + "' must be all or affected_services, not '" + scope + "'",
                        "affected_services: only changes on the services the incident affects wait");
                return IncidentScope.ALL;
        }
    }

    private Optional<FreezeSource> source(YamlMap definition, ZoneId zone, org.yaml.snakeyaml.nodes.Node key) {
        boolean periods = ScheduleReader.definesPeriods(definition);
        boolean incidents = definition.has("active_incidents");
        boolean declared = definition.has("declared");
        int kinds = (periods ? 1 : 0) + (incidents ? 1 : 0) + (declared ? 1 : 0);
        if (kinds != 1) {
            problems.at(key, "freeze '" + definition.path() + "' must have exactly one source",
                    kinds == 0 ? "give periods (weekly, yearly, periods, recurrence, holidays, end_of_month, "
                            + "end_of_quarter), active_incidents: [P0, P1], or declared: true"
                            : "split it into one freeze per source");
            return Optional.empty();
        }
        if (incidents) {
            var severities = new LinkedHashSet<String>();
            definition.strings("active_incidents").forEach(s -> severities.add(s.text()));
            if (severities.isEmpty()) {
                problems.at(definition.get("active_incidents").orElseThrow(), "'active_incidents' lists no severities",
                        "e.g. active_incidents: [SEV1, SEV2]");
                return Optional.empty();
            }
            return Optional.of(new FreezeSource.ActiveIncidents(severities, incidentScope(definition)));
        }
        if (definition.has("scope")) {
            problems.at(definition.get("scope").orElseThrow(), "'" + definition.child("scope")
                    + "' only applies to an active_incidents freeze", "remove it, or use applies_to_services: to scope this freeze");
        }
        if (declared) {
            var declaredBy = references.roles(definition.strings("declared_by"));
            if (declaredBy.isEmpty()) {
                problems.at(definition.get("declared").orElseThrow(), "say who may declare '" + definition.path() + "'",
                        "add declared_by: [roles], e.g. declared_by: [engineering-manager, incident-commander]");
            }
            return definition.bool("declared").filter(Boolean::booleanValue)
                    .map(yes -> new FreezeSource.Declared(declaredBy));
        }
        return schedules.read(definition, zone).map(FreezeSource.Scheduled::new);
    }
}
