package dev.changebot.policyfile;

import dev.changebot.domain.policy.FollowUp;
import dev.changebot.domain.policy.FollowUpTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a list of follow-ups: a class's {@code follow_ups:}, or the policy's own, which apply to
 * every class it names ({@code applies_to}, all when absent). What starts each one ({@code after})
 * and how often it repeats are checked here; the roles and environments it names, by the caller.
 */
final class FollowUpReader {

    private static final Set<String> KEYS = Set.of("name", "label", "within", "roles", "not_declarer", "asks",
            "severities", "owed_without_severity", "by_verbal_approver", "after", "repeat", "every");
    private static final String AFTER_HINT = "e.g. after: rolled_back, after: [failed, rolled_back],"
            + " after: {deployed: production} or after: {satisfied: post-mortem}; one of " + FollowUpTrigger.Kind.keys();

    private final Problems problems;
    private final Values values;
    private final References references;
    /** The follow-ups named by {@code satisfied} triggers in the list being read, checked once it is read. */
    private final List<YamlMap.Named> waitsFor = new ArrayList<>();

    FollowUpReader(Problems problems, References references) {
        this.problems = problems;
        this.values = new Values(problems);
        this.references = references;
    }

    /** A follow-up of the policy's own {@code follow_ups:}, for the classes it names (all when none). */
    record PolicyWide(FollowUp followUp, Set<String> classes) {

        boolean appliesTo(String changeClass) {
            return classes.isEmpty() || classes.contains(changeClass);
        }
    }

    /**
     * The policy's own {@code follow_ups:} (a post-mortem after any rollback): each says what starts
     * it, and may name the classes it applies to ({@code applies_to}).
     */
    List<PolicyWide> readPolicyWide(YamlMap top) {
        var scoped = new ArrayList<PolicyWide>();
        var maps = top.maps("follow_ups");
        var followUps = read(top, "follow_ups", false, Set.of("applies_to"), Set.of());
        // read() skips the broken ones; pair the rest with their items by name.
        for (var item : maps) {
            var name = item.string("name").orElse("");
            followUps.stream().filter(f -> f.name().equals(name)).findFirst().ifPresent(followUp -> {
                if (!item.has("after")) {
                    problems.at(item.node(), "policy-wide follow-up '" + name + "' must say what starts it",
                            AFTER_HINT);
                }
                var classes = new java.util.LinkedHashSet<String>();
                for (var c : item.strings("applies_to")) {
                    references.changeClass(c);
                    classes.add(c.text());
                }
                scoped.add(new PolicyWide(followUp, classes));
            });
        }
        return scoped;
    }

    /**
     * The follow-ups listed under {@code key} of {@code holder}, for a class that is or is not an
     * emergency; one started by another follow-up ({@code satisfied}) names one of this list or of
     * {@code alsoOwed} (the policy's own, for a class).
     */
    List<FollowUp> read(YamlMap holder, String key, boolean emergencyClass, Set<String> extraKeys, Set<String> alsoOwed) {
        var followUps = new ArrayList<FollowUp>();
        var names = new HashSet<String>();
        waitsFor.clear();
        for (var item : holder.maps(key)) {
            var allowed = new HashSet<>(KEYS);
            allowed.addAll(extraKeys);
            item.allowOnly(allowed);
            one(item, emergencyClass).ifPresent(followUp -> {
                if (!names.add(followUp.name())) {
                    problems.at(item.get("name").orElseThrow(), "follow-up '" + followUp.name() + "' appears twice in '"
                            + holder.child(key) + "'", "give each follow-up its own name");
                }
                followUps.add(followUp);
            });
        }
        for (var use : waitsFor) {
            if (!names.contains(use.text()) && !alsoOwed.contains(use.text())) {
                var known = new java.util.TreeSet<>(names);
                known.addAll(alsoOwed);
                problems.at(use.node(), "'" + holder.child(key) + "' has no follow-up '" + use.text() + "' to wait for",
                        known.isEmpty() ? "name a follow-up listed here" : Suggestions.hint(use.text(), known, "follow-ups"));
            }
        }
        return followUps;
    }

    private Optional<FollowUp> one(YamlMap item, boolean emergencyClass) {
        var name = item.requiredString("name", "e.g. name: post-hoc-review");
        var within = item.requiredString("within", "a deadline such as 24h or '2 business days'")
                .flatMap(text -> values.period(text, item.get("within").orElseThrow(), item.child("within")));
        var roles = references.roles(item.strings("roles"));
        var asks = item.strings("asks").stream().map(YamlMap.Named::text).toList();
        var after = item.get("after").map(node -> triggers(node, item.child("after"), emergencyClass)).orElse(List.of());
        int repeat = item.integer("repeat").orElse(1);
        if (repeat < 1 || repeat > 31) {
            problems.at(item.get("repeat").orElseThrow(), "'" + item.child("repeat") + "' must be between 1 and 31, not "
                    + repeat, "e.g. repeat: 3 with every: 1d for daily updates over three days");
        }
        var every = item.string("every").flatMap(text -> values.duration(text, item.get("every").orElseThrow(),
                item.child("every")));
        if (repeat > 1 && every.isEmpty() && !item.has("every")) {
            problems.at(item.keyNode("repeat"), "'" + item.child("repeat") + "' needs 'every': how long between them",
                    "e.g. every: 1d");
        }
        boolean byVerbalApprover = item.bool("by_verbal_approver").orElse(false);
        boolean declared = after.isEmpty() ? emergencyClass
                : after.stream().anyMatch(t -> t.kind() == FollowUpTrigger.Kind.DECLARED);
        if (byVerbalApprover && !declared) {
            problems.at(item.keyNode("by_verbal_approver"), "'" + item.child("by_verbal_approver")
                    + "' only makes sense for a follow-up owed when the emergency is declared", "remove it, or after: declared");
        }
        if (name.isEmpty() || within.isEmpty() || repeat < 1 || repeat > 31 || repeat > 1 && every.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FollowUp(name.get(), item.string("label").orElse(name.get()), within.get(), roles,
                item.bool("not_declarer").orElse(false), asks,
                item.strings("severities").stream().map(YamlMap.Named::text).collect(Collectors.toSet()),
                item.bool("owed_without_severity").orElse(true), byVerbalApprover, after, repeat,
                repeat > 1 ? every.get() : Duration.ZERO));
    }

    /** {@code rolled_back}, {@code {deployed: production}}, or a list of them: any one starts the follow-up. */
    private List<FollowUpTrigger> triggers(Node node, String where, boolean emergencyClass) {
        var triggers = new ArrayList<FollowUpTrigger>();
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> trigger(item, where, emergencyClass).ifPresent(triggers::add));
        } else {
            trigger(node, where, emergencyClass).ifPresent(triggers::add);
        }
        return triggers;
    }

    private Optional<FollowUpTrigger> trigger(Node node, String where, boolean emergencyClass) {
        String key;
        Optional<String> subject = Optional.empty();
        Node subjectNode = node;
        if (node instanceof ScalarNode scalar) {
            key = scalar.getValue().strip();
        } else if (node instanceof MappingNode mapping && mapping.getValue().size() == 1
                && mapping.getValue().get(0).getKeyNode() instanceof ScalarNode k
                && mapping.getValue().get(0).getValueNode() instanceof ScalarNode v) {
            key = k.getValue().strip();
            subject = Optional.of(v.getValue().strip());
            subjectNode = v;
        } else {
            problems.at(node, "'" + where + "' must name what starts the follow-up", AFTER_HINT);
            return Optional.empty();
        }
        var kind = FollowUpTrigger.Kind.ofKey(key);
        if (kind.isEmpty()) {
            problems.at(node, "'" + where + "' names no event Changebot knows: '" + key + "'", AFTER_HINT);
            return Optional.empty();
        }
        boolean takesSubject = kind.get() == FollowUpTrigger.Kind.DEPLOYED || kind.get() == FollowUpTrigger.Kind.SATISFIED;
        if (subject.isPresent() && !takesSubject) {
            problems.at(node, "'" + where + "': " + key + " takes no name after it", "write after: " + key);
            return Optional.empty();
        }
        if (kind.get() == FollowUpTrigger.Kind.SATISFIED && subject.isEmpty()) {
            problems.at(node, "'" + where + "': satisfied needs the follow-up it waits for",
                    "e.g. after: {satisfied: post-mortem}");
            return Optional.empty();
        }
        boolean emergencyOnly = kind.get() == FollowUpTrigger.Kind.DECLARED || kind.get() == FollowUpTrigger.Kind.RESOLVED;
        if (emergencyOnly && !emergencyClass) {
            problems.at(node, "'" + where + "': only an emergency is " + key, "use completed, deployed, rolled_back,"
                    + " failed, issue_reported or satisfied for this class");
            return Optional.empty();
        }
        if (kind.get() == FollowUpTrigger.Kind.SATISFIED) {
            waitsFor.add(new YamlMap.Named(subject.get(), subjectNode));
        }
        if (kind.get() == FollowUpTrigger.Kind.DEPLOYED && subject.isPresent()) {
            references.environment(new YamlMap.Named(subject.get(), subjectNode));
        }
        return Optional.of(new FollowUpTrigger(kind.get(), subject));
    }
}
