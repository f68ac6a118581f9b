package dev.changebot.policyfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One clause of a reference policy as a checkable scenario: a hypothetical change of a class at
 * an instant, and what the policy must say about it. The same table drives the domain tests and
 * the CLI tests, so `policy explain` answers exactly what the tests check.
 */
record PresetScenario(
        String clause,
        String preset,
        String changeClass,
        String at,
        String requestedAt,
        String type,
        boolean allowed,
        String earliest,
        String blockedBy,
        List<List<String>> stepRoles,
        Map<String, String> followUpsDue,
        Map<String, String> soak) {

    @Override
    public String toString() {
        return preset + ", " + clause;
    }

    /** The command line a user types for this scenario. */
    List<String> cliArguments() {
        var args = new ArrayList<>(List.of("explain", "preset:" + preset, "--class", changeClass, "--at", at, "--json"));
        if (requestedAt != null) {
            args.addAll(List.of("--requested-at", requestedAt));
        }
        if (type != null) {
            args.addAll(List.of("--type", type));
        }
        return args;
    }

    static Builder of(String preset, String clause) {
        return new Builder(preset, clause);
    }

    static final class Builder {
        private final String preset;
        private final String clause;
        private String changeClass;
        private String at;
        private String requestedAt;
        private String type;
        private String earliest;
        private String blockedBy;
        private List<List<String>> stepRoles;
        private Map<String, String> followUpsDue = Map.of();
        private Map<String, String> soak = Map.of();

        private Builder(String preset, String clause) {
            this.preset = preset;
            this.clause = clause;
        }

        Builder change(String changeClass, String at) {
            this.changeClass = changeClass;
            this.at = at;
            return this;
        }

        Builder requestedAt(String instant) {
            this.requestedAt = instant;
            return this;
        }

        Builder type(String categoryAndType) {
            this.type = categoryAndType;
            return this;
        }

        Builder steps(List<List<String>> roles) {
            this.stepRoles = roles;
            return this;
        }

        Builder followUpsDue(Map<String, String> due) {
            this.followUpsDue = due;
            return this;
        }

        Builder soak(Map<String, String> soak) {
            this.soak = soak;
            return this;
        }

        PresetScenario allowed() {
            return new PresetScenario(clause, preset, changeClass, at, requestedAt, type, true, at, null, stepRoles,
                    followUpsDue, soak);
        }

        PresetScenario refused(String blockedBy, String earliest) {
            return new PresetScenario(clause, preset, changeClass, at, requestedAt, type, false, earliest, blockedBy,
                    stepRoles, followUpsDue, soak);
        }
    }
}
