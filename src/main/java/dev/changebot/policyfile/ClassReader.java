package dev.changebot.policyfile;

import dev.changebot.domain.calendar.Notice;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.policy.ApprovalStep;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.ConflictRule;
import dev.changebot.domain.policy.FollowUp;
import dev.changebot.domain.policy.Rollout;
import dev.changebot.domain.policy.SoakStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one entry of {@code classes:}. References to roles and windows are checked by the caller. */
final class ClassReader {

    static final Set<String> KEYS = Set.of("label", "pre_approved", "emergency", "required_fields", "approval",
            "windows", "notice", "soak", "rollout", "monitoring", "override", "follow_ups", "declarers",
            "verbal_approval", "fallback_windows", StageApprovalReader.KEY, "conflicts");
    // The service is asked whenever the policy has services, whatever the class: no class requires it.
    static final Set<String> FIELD_NAMES = Arrays.stream(ChangeField.values()).filter(f -> f != ChangeField.SERVICE)
            .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));

    private final Problems problems;
    private final Values values;
    private final References references;

    private final List<FollowUpReader.PolicyWide> policyWide;

    ClassReader(Problems problems, References references, List<FollowUpReader.PolicyWide> policyWide) {
        this.problems = problems;
        this.values = new Values(problems);
        this.references = references;
        this.policyWide = policyWide;
    }

    ChangeClass read(String name, YamlMap definition) {
        definition.allowOnly(KEYS);
        boolean preApproved = definition.bool("pre_approved").orElse(false);
        boolean emergency = definition.bool("emergency").orElse(false);
        var steps = steps(definition);
        // An emergency class may list approvals: declared emergencies then wait for them before work
        // starts ("proceed with 1 approval"); without any, the incident commander acts alone.
        if (preApproved && !steps.isEmpty()) {
            problems.at(definition.keyNode("approval"), "class '" + name + "' is pre-approved but also lists approval steps",
                    "remove pre_approved, or the approval steps");
        }
        var windows = new ArrayList<String>();
        for (var window : definition.strings("windows")) {
            references.window(window);
            windows.add(window.text());
        }
        var override = definition.map("override").map(o -> OverrideReader.read(o, references))
                .orElse(dev.changebot.domain.policy.Override.NOBODY);
        var rollout = rollout(definition);
        var stageApprovals = new StageApprovalReader(problems, references)
                .read(definition, "class '" + name + "'", emergency, rollout, true);
        return new ChangeClass(name, definition.string("label").orElse(name), preApproved, emergency,
                requiredFields(definition), steps, windows, notice(definition), soak(definition),
                rollout, definition.string("monitoring").flatMap(text ->
                        values.duration(text, definition.get("monitoring").orElseThrow(), definition.child("monitoring"))),
                override, followUps(name, definition, emergency), declarers(name, definition, emergency),
                verbalApprovers(name, definition, emergency), fallbackWindows(definition), stageApprovals,
                conflicts(name, definition, emergency));
    }

    /**
     * {@code conflicts: warn | block}: whether a request whose planned window conflicts is recorded with a
     * warning (the default) or refused. An emergency is declared, never requested through the form, so
     * nothing could block it: the key is refused there rather than silently ignored.
     */
    private ConflictRule conflicts(String name, YamlMap definition, boolean emergency) {
        var text = definition.string("conflicts");
        if (text.isEmpty()) {
            return ConflictRule.WARN;
        }
        var rule = java.util.Arrays.stream(ConflictRule.values()).filter(r -> r.key().equals(text.get().strip()))
                .findFirst();
        if (rule.isEmpty()) {
            problems.at(definition.get("conflicts").orElseThrow(), "'" + definition.child("conflicts")
                    + "' must be warn or block, not '" + text.get() + "'",
                    "warn records a conflicting request with a warning; block refuses it");
            return ConflictRule.WARN;
        }
        if (emergency && rule.get() == ConflictRule.BLOCK) {
            problems.at(definition.get("conflicts").orElseThrow(), "class '" + name + "' is an emergency class:"
                    + " emergencies are declared, never blocked by conflicts", "remove conflicts: block from it");
        }
        return rule.get();
    }

    /** {@code fallback_windows: [maintenance-fallback]}: windows of the policy, opened by a missed first window. */
    private List<String> fallbackWindows(YamlMap definition) {
        var windows = new ArrayList<String>();
        for (var window : definition.strings("fallback_windows")) {
            references.window(window);
            windows.add(window.text());
        }
        return windows;
    }

    /** {@code verbal_approval: {roles: [cto, ceo]}}: who must have approved an emergency by word before it is declared. */
    private Set<String> verbalApprovers(String name, YamlMap definition, boolean emergency) {
        var section = definition.map("verbal_approval");
        if (section.isEmpty()) {
            return Set.of();
        }
        if (!emergency) {
            problems.at(definition.keyNode("verbal_approval"), "class '" + name + "' is not an emergency class,"
                    + " so nobody approves it by word", "verbal_approval: belongs to the class with emergency: true");
            return Set.of();
        }
        section.get().allowOnly(Set.of("roles"));
        var roles = references.roles(section.get().strings("roles"));
        if (roles.isEmpty() && section.get().has("roles")) {
            return Set.of();
        }
        if (!section.get().has("roles")) {
            problems.at(definition.keyNode("verbal_approval"), "'" + definition.child("verbal_approval")
                    + "' needs roles", "e.g. verbal_approval: {roles: [cto, ceo]}");
        }
        return roles;
    }

    private Set<String> declarers(String name, YamlMap definition, boolean emergency) {
        if (definition.has("declarers") && !emergency) {
            problems.at(definition.keyNode("declarers"), "class '" + name + "' is not an emergency class, so nobody declares it",
                    "declarers: belongs to the class with emergency: true");
        }
        return references.roles(definition.strings("declarers"));
    }

    private Set<ChangeField> requiredFields(YamlMap definition) {
        var fields = EnumSet.noneOf(ChangeField.class);
        for (var field : definition.strings("required_fields")) {
            if (FIELD_NAMES.contains(field.text())) {
                fields.add(ChangeField.valueOf(field.text().toUpperCase(Locale.ROOT)));
            } else {
                problems.at(field.node(), "unknown field '" + field.text() + "' in '" + definition.child("required_fields") + "'",
                        Suggestions.hint(field.text(), FIELD_NAMES, "fields"));
            }
        }
        return fields;
    }

    List<ApprovalStep> steps(YamlMap definition) {
        var steps = new ArrayList<ApprovalStep>();
        for (var step : definition.maps("approval")) {
            step.allowOnly(Set.of("step", "roles", "count"));
            var name = step.requiredString("step", "name the step, e.g. step: Backend Lead review");
            var roles = references.roles(step.strings("roles"));
            if (!step.has("roles")) {
                problems.at(step.node(), "'" + step.path() + "' needs 'roles'", "e.g. roles: [backend-lead]");
            }
            int count = step.integer("count").orElse(1);
            if (count < 1) {
                problems.at(step.get("count").orElseThrow(), "'" + step.child("count") + "' must be at least 1", "");
            }
            if (name.isPresent() && !roles.isEmpty() && count >= 1) {
                steps.add(new ApprovalStep(name.get(), roles, count));
            }
        }
        return steps;
    }

    /**
     * {@code notice: "5 business days"}, or several notices the class must all give, each with what
     * it is for: {@code notice: [{label: RFC / design doc, period: "5 business days"}, ...]}.
     */
    private Notice notice(YamlMap definition) {
        var node = definition.get("notice");
        if (node.isPresent() && node.get() instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
            var notices = new ArrayList<Notice.All.Labelled>();
            for (var entry : definition.maps("notice")) {
                entry.allowOnly(Set.of("label", "period"));
                var label = entry.requiredString("label", "what the notice is for, e.g. label: maintenance window announced");
                var period = entry.requiredString("period", "e.g. period: 14d or \"5 business days\"")
                        .flatMap(text -> values.period(text, entry.get("period").orElseThrow(), entry.child("period")));
                if (label.isPresent() && period.isPresent()) {
                    notices.add(new Notice.All.Labelled(label.get(), period.get()));
                }
            }
            return notices.isEmpty() ? new Notice.None() : new Notice.All(notices);
        }
        return definition.string("notice").flatMap(text ->
                values.period(text, node.orElseThrow(), definition.child("notice")))
                .orElse(new Notice.None());
    }

    private List<SoakStage> soak(YamlMap definition) {
        var stages = new ArrayList<SoakStage>();
        for (var stage : definition.maps("soak")) {
            stage.allowOnly(Set.of("environment", "duration"));
            var environment = stage.requiredString("environment", "e.g. environment: staging");
            stage.get("environment").ifPresent(node -> environment.ifPresent(e -> references.environment(new YamlMap.Named(e, node))));
            var duration = positive(stage, "duration", "e.g. duration: 2h");
            if (environment.isPresent() && duration.isPresent()) {
                stages.add(new SoakStage(environment.get(), duration.get()));
            }
        }
        return stages;
    }

    private Optional<Rollout> rollout(YamlMap definition) {
        return definition.map("rollout").flatMap(rollout -> {
            rollout.allowOnly(Set.of("steps", "soak"));
            var percentages = new ArrayList<Integer>();
            int previous = 0;
            for (var step : rollout.strings("steps")) {
                var percent = percentage(step.text().replace("%", ""), step.node(), rollout.child("steps"));
                if (percent.isPresent() && percent.get() <= previous) {
                    problems.at(step.node(), "rollout steps must grow: " + percent.get() + "% after " + previous + "%", "");
                }
                percent.ifPresent(percentages::add);
                previous = percent.orElse(previous);
            }
            if (!percentages.isEmpty() && percentages.get(percentages.size() - 1) != 100) {
                problems.at(rollout.get("steps").orElseThrow(), "the last rollout step must be 100%", "add 100");
            }
            var soak = positive(rollout, "soak", "the wait between steps, e.g. soak: 8h");
            return percentages.isEmpty() || soak.isEmpty() ? Optional.empty()
                    : Optional.of(new Rollout(percentages, soak.get()));
        });
    }

    private Optional<Integer> percentage(String text, Node at, String where) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= 100) {
                return Optional.of(value);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.at(at, "'" + where + "' must be percentages between 1 and 100, not '" + text + "'", "e.g. [5, 25, 50, 100]");
        return Optional.empty();
    }

    /** The class's own follow-ups, then the policy's that apply to it; a name means one follow-up. */
    private List<FollowUp> followUps(String name, YamlMap definition, boolean emergency) {
        var wideNames = policyWide.stream().filter(p -> p.appliesTo(name)).map(p -> p.followUp().name())
                .collect(Collectors.toSet());
        var own = new FollowUpReader(problems, references).read(definition, "follow_ups", emergency, Set.of(), wideNames);
        var all = new ArrayList<>(own);
        for (var wide : policyWide) {
            if (!wide.appliesTo(name)) {
                continue;
            }
            if (own.stream().anyMatch(f -> f.name().equals(wide.followUp().name()))) {
                problems.at(definition.keyNode("follow_ups"), "class '" + name + "' has its own follow-up '"
                        + wide.followUp().name() + "', and the policy-wide follow_ups: has one too",
                        "rename one, or leave the class out of the policy-wide one's applies_to");
            } else {
                all.add(wide.followUp());
            }
        }
        return all;
    }

    private Optional<Duration> positive(YamlMap map, String key, String hint) {
        var duration = map.requiredString(key, hint)
                .flatMap(text -> values.duration(text, map.get(key).orElseThrow(), map.child(key)));
        if (duration.isPresent() && (duration.get().isZero() || duration.get().isNegative())) {
            problems.at(map.get(key).orElseThrow(), "'" + map.child(key) + "' must be longer than zero", hint);
            return Optional.empty();
        }
        return duration;
    }
}
