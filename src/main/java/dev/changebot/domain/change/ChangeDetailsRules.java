package dev.changebot.domain.change;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a change request says enough to be reviewed. The fixed rules of the first slice;
 * the policy's per-class required fields replace them later.
 */
public final class ChangeDetailsRules {

    static final int MAX_TITLE_LENGTH = 150;
    static final Duration MAX_DURATION = Duration.ofDays(30);
    /** A start picked as "now" in a minute-resolution picker is already seconds old on submit. */
    static final Duration START_GRACE = Duration.ofMinutes(1);

    private ChangeDetailsRules() {
    }

    /** Every problem at once, so the requester fixes them in one go. Empty means valid. */
    public static List<FieldProblem> problemsWith(ChangeDetails details, Instant now) {
        var problems = new ArrayList<FieldProblem>();
        required(problems, ChangeField.TITLE, details.title(), "a title");
        if (details.title() != null && details.title().strip().length() > MAX_TITLE_LENGTH) {
            problems.add(new FieldProblem(ChangeField.TITLE,
                    "Keep the title under " + MAX_TITLE_LENGTH + " characters; details go in the description."));
        }
        required(problems, ChangeField.DESCRIPTION, details.description(), "a description of what changes and why");
        required(problems, ChangeField.SYSTEMS_AFFECTED, details.systemsAffected(), "the systems affected");
        required(problems, ChangeField.ENVIRONMENT, details.environment(), "the environment");
        if (details.risk() == null) {
            problems.add(new FieldProblem(ChangeField.RISK, "Choose a risk level."));
        }
        required(problems, ChangeField.IMPLEMENTATION_PLAN, details.implementationPlan(), "an implementation plan");
        required(problems, ChangeField.ROLLBACK_PLAN, details.rollbackPlan(),
                "a rollback plan: how you undo this if it goes wrong");
        required(problems, ChangeField.TESTING_EVIDENCE, details.testingEvidence(), "testing evidence");
        checkStart(problems, details.proposedStart(), now);
        checkDuration(problems, details.expectedDuration());
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
