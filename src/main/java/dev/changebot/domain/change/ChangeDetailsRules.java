package dev.changebot.domain.change;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a change request says enough to be reviewed. The fixed rules of the first slice;
 * the policy's per-class required fields replace them later.
 */
public final class ChangeDetailsRules {

    static final int MAX_TITLE_LENGTH = 150;
    static final Duration MAX_DURATION = Duration.ofDays(30);
    /** A start picked as "now" in a minute-resolution picker is already seconds old on submit. */
    static final Duration START_GRACE = Duration.ofMinutes(1);

    private static final Set<ChangeField> ALWAYS = EnumSet.of(ChangeField.TITLE, ChangeField.ENVIRONMENT,
            ChangeField.RISK, ChangeField.PROPOSED_START, ChangeField.EXPECTED_DURATION);
    private static final Map<ChangeField, String> WHAT = Map.ofEntries(
            Map.entry(ChangeField.DESCRIPTION, "a description of what changes and why"),
            Map.entry(ChangeField.JUSTIFICATION, "the business justification"),
            Map.entry(ChangeField.SYSTEMS_AFFECTED, "the systems affected"),
            Map.entry(ChangeField.IMPLEMENTATION_PLAN, "an implementation plan"),
            Map.entry(ChangeField.ROLLBACK_PLAN, "a rollback plan: how you undo this if it goes wrong"),
            Map.entry(ChangeField.TESTING_EVIDENCE, "testing evidence"),
            Map.entry(ChangeField.ESTIMATED_DOWNTIME, "the estimated downtime (\"none\" is an answer)"),
            Map.entry(ChangeField.RISK_ASSESSMENT, "a risk assessment"),
            Map.entry(ChangeField.SUCCESS_CRITERIA, "the success criteria"),
            Map.entry(ChangeField.DESIGN_DOC, "a link to the design record (ADR, RFC)"),
            Map.entry(ChangeField.COMMUNICATION_PLAN, "a communication plan"),
            Map.entry(ChangeField.MONITORING_PLAN, "a monitoring plan"));

    private ChangeDetailsRules() {
    }

    /**
     * Every problem at once, so the requester fixes them in one go; empty means valid. The title,
     * environment, risk, start and duration are always needed; {@code required} adds the fields the
     * policy asks of this class of change.
     */
    public static List<FieldProblem> problemsWith(ChangeDetails details, Set<ChangeField> required, Instant now) {
        var problems = new ArrayList<FieldProblem>();
        required(problems, ChangeField.TITLE, details.title(), "a title");
        // Counted in characters as a person sees them, as the form's max_length counts: an emoji is one.
        if (details.title() != null && details.title().strip().codePoints().count() > MAX_TITLE_LENGTH) {
            problems.add(new FieldProblem(ChangeField.TITLE,
                    "Keep the title under " + MAX_TITLE_LENGTH + " characters; details go in the description."));
        }
        required(problems, ChangeField.ENVIRONMENT, details.environment(), "the environment");
        if (details.risk() == null) {
            problems.add(new FieldProblem(ChangeField.RISK, "Choose a risk level."));
        }
        for (var field : ChangeField.values()) {
            if (required.contains(field) && !ALWAYS.contains(field) && WHAT.containsKey(field)) {
                required(problems, field, details.text(field), WHAT.get(field));
            }
        }
        checkStart(problems, details.proposedStart(), now);
        checkDuration(problems, details.expectedDuration());
        // In the order of the fields, which is the order people read the form in.
        problems.sort(Comparator.comparing(FieldProblem::field));
        return List.copyOf(problems);
    }

    private static void required(List<FieldProblem> problems, ChangeField field, String value, String what) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "Please give " + what + "."));
        }
    }

    private static void checkStart(List<FieldProblem> problems, Instant start, Instant now) {
        if (start == null) {
            problems.add(new FieldProblem(ChangeField.PROPOSED_START, "Pick a proposed start."));
        } else if (start.isBefore(now.minus(START_GRACE))) {
            problems.add(new FieldProblem(ChangeField.PROPOSED_START,
                    "The proposed start is in the past; pick a time from now on."));
        }
    }

    private static void checkDuration(List<FieldProblem> problems, Duration duration) {
        if (duration == null) {
            problems.add(new FieldProblem(ChangeField.EXPECTED_DURATION, "Give the expected duration in minutes."));
        } else if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
            problems.add(new FieldProblem(ChangeField.EXPECTED_DURATION,
                    "The expected duration must be at least one minute."));
        } else if (duration.compareTo(MAX_DURATION) > 0) {
            problems.add(new FieldProblem(ChangeField.EXPECTED_DURATION,
                    "The expected duration is over 30 days; split the change into smaller ones."));
        }
    }
}
