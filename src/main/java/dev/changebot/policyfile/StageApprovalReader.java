package dev.changebot.policyfile;

import dev.changebot.domain.policy.Rollout;
import dev.changebot.domain.policy.StageApproval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code stage_approvals:} of a class or a service: approvals given during the deployment,
 * before an environment, a step of the class's rollout, or a rollback. Roles and environments are
 * checked with the other references, once the whole file is read.
 */
final class StageApprovalReader {

    static final String KEY = "stage_approvals";
    static final Set<String> KEYS = Set.of("before", "step", "roles", "count", "all", "reaction");
    /** A Slack reaction's name, as reaction events carry it: "+1" for 👍, "white_check_mark"... */
    private static final Pattern REACTION = Pattern.compile("[a-z0-9_+'-]{1,100}");
    /** "production", "production 25%": an environment's name, then optionally a rollout step. */
    private static final Pattern BEFORE = Pattern.compile("([a-z0-9][a-z0-9._-]*)(?:\\s+(\\d{1,3})\\s*%)?");

    private final Problems problems;
    private final References references;

    StageApprovalReader(Problems problems, References references) {
        this.problems = problems;
        this.references = references;
    }

    /**
     * @param owner   "class 'high'", "service 'homepage'": who the approvals belong to, for messages
     * @param rollout the class's rollout, against which a {@code before: "production 25%"} is checked;
     *                empty for a service (whose changes have their class's rollout)
     */
    List<StageApproval> read(YamlMap definition, String owner, boolean emergency, Optional<Rollout> rollout,
                             boolean checkRollout) {
        var approvals = new ArrayList<StageApproval>();
        var items = definition.maps(KEY);
        if (!items.isEmpty() && emergency) {
            problems.at(definition.keyNode(KEY), owner + " is the emergency class: it overrides all restrictions,"
                    + " so nothing waits for an approval during its deployment", "remove stage_approvals from it");
            return approvals;
        }
        for (var item : items) {
            item.allowOnly(KEYS);
            var step = item.requiredString("step", "name the approval, e.g. step: Manual QA approval");
            var before = item.requiredString("before",
                    "an environment, a rollout step or rollback, e.g. before: production, before: \"production 25%\"")
                    .flatMap(text -> before(item, text, owner, rollout, checkRollout));
            var roles = references.roles(item.strings("roles"));
            if (!item.has("roles")) {
                problems.at(item.node(), "'" + item.path() + "' needs 'roles'", "e.g. roles: [qa]");
            } else if (roles.isEmpty()) {
                problems.at(item.get("roles").orElseThrow(), "'" + item.child("roles") + "' names no role",
                        "e.g. roles: [backend-lead, sre-lead]");
            }
            boolean all = item.bool("all").orElse(false);
            int count = item.integer("count").orElse(1);
            if (all && item.has("count")) {
                problems.at(item.get("count").orElseThrow(), "'" + item.path() + "' has both 'all' and 'count'",
                        "all: true asks one person per role; count: N asks N people holding any of the roles");
            } else if (count < 1) {
                problems.at(item.get("count").orElseThrow(), "'" + item.child("count") + "' must be at least 1", "");
            }
            if (step.isPresent() && before.isPresent() && !roles.isEmpty() && count >= 1) {
                approvals.add(new StageApproval(before.get(), step.get(), roles, count, all, reaction(item)));
            }
        }
        return approvals;
    }

    /**
     * {@code reaction: "+1"} (or {@code thumbsup}, {@code :+1:}, the emoji itself): Slack names 👍 "+1"
     * in its reaction events, so the aliases people know are read as that.
     */
    private Optional<String> reaction(YamlMap item) {
        return item.string("reaction").flatMap(text -> {
            var name = text.replace(":", "").strip().toLowerCase(Locale.ROOT);
            name = name.equals("thumbsup") || name.equals("\uD83D\uDC4D") ? "+1"
                    : name.equals("thumbsdown") || name.equals("\uD83D\uDC4E") ? "-1" : name;
            if (!REACTION.matcher(name).matches()) {
                problems.at(item.get("reaction").orElseThrow(), "'" + item.child("reaction") + "' is not a Slack reaction's name: '"
                        + text + "'", "e.g. reaction: \"+1\" (👍) or reaction: white_check_mark");
                return Optional.empty();
            }
            return Optional.of(name);
        });
    }

    private Optional<String> before(YamlMap item, String text, String owner, Optional<Rollout> rollout,
                                    boolean checkRollout) {
        var at = item.get("before").orElseThrow();
        var normal = text.strip().toLowerCase(Locale.ROOT);
        if (normal.equals(StageApproval.ROLLBACK)) {
            return Optional.of(normal);
        }
        var matcher = BEFORE.matcher(normal);
        if (!matcher.matches()) {
            problems.at(at, "'" + item.child("before") + "' must be an environment, an environment and a rollout step,"
                    + " or rollback, not '" + text + "'", "e.g. before: production, before: \"production 25%\", before: rollback");
            return Optional.empty();
        }
        references.environment(new YamlMap.Named(matcher.group(1), at));
        if (matcher.group(2) == null) {
            return Optional.of(normal);
        }
        int percent = Integer.parseInt(matcher.group(2));
        if (checkRollout && rollout.isEmpty()) {
            problems.at(at, owner + " has no rollout, so there is no step '" + percent + "%' to stand before",
                    "stand before the environment instead, e.g. before: " + matcher.group(1));
            return Optional.empty();
        }
        if (checkRollout && !rollout.get().percentages().contains(percent)) {
            problems.at(at, "'" + percent + "%' is not a step of the rollout of " + owner,
                    "its steps are " + rollout.get().percentages());
            return Optional.empty();
        }
        if (percent < 1 || percent > 100) {
            problems.at(at, "'" + percent + "%' is not a rollout step", "a percentage between 1 and 100");
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) + " " + percent + "%");
    }
}
