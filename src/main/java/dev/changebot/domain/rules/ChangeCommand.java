package dev.changebot.domain.rules;

import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.domain.change.ChangeState;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a person, a pipeline or a timer can ask of an existing change. {@link ChangeRules}
 * decides each one; what was accepted is recorded as events and applied to the change.
 */
public sealed interface ChangeCommand {

    /**
     * Approve the step now open of the change's approval chain, by button, reaction or command; once the
     * work is under way, the approval due at its next stage. {@code rollback}: the approval the policy asks
     * before a rollback, given only when asked for by name (an Approve meant for a deployment never
     * consents to a rollback). {@code reaction}: the reaction it was given with, which must be the one
     * the approval asks for (a stage approval may name its own).
     */
    record Approve(ApprovalVia via, boolean rollback, Optional<String> reaction) implements ChangeCommand {

        public Approve {
            Objects.requireNonNull(via, "how the approval is given");
            Objects.requireNonNull(reaction);
        }

        public Approve(ApprovalVia via) {
            this(via, false, Optional.empty());
        }

        public Approve(ApprovalVia via, boolean rollback) {
            this(via, rollback, Optional.empty());
        }

        /** By reaction {@code name} on the change's message. */
        public static Approve byReaction(String name) {
            return new Approve(ApprovalVia.REACTION, false, Optional.of(name));
        }
    }

    /** Withdraw one's approval of the step still open: the reaction {@code reaction} removed. */
    record Revoke(Optional<String> reaction) implements ChangeCommand {

        public Revoke() {
            this(Optional.empty());
        }
    }

    /** Reject the change, with a reason, by button (its reason form) or command. */
    record Reject(String reason, ApprovalVia via) implements ChangeCommand {

        public Reject {
            reason = Objects.requireNonNullElse(reason, "");
            Objects.requireNonNull(via, "how the rejection is given");
        }
    }

    /** The requester withdraws the change. */
    record Cancel() implements ChangeCommand {
    }

    /**
     * Start the work on an approved change. Inside a freeze or outside a window it takes an override,
     * and an override takes a written {@code justification}.
     */
    record Start(Optional<String> justification) implements ChangeCommand {
    }

    /** Deployed to {@code environment}; {@code percent} names the step of a staged rollout. */
    record ReportDeployment(String environment, OptionalInt percent) implements ChangeCommand {

        public ReportDeployment {
            // "Staging" and "staging" are one stage.
            environment = environment.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** The work ended: {@link ChangeState#COMPLETED}, {@link ChangeState#ROLLED_BACK} or {@link ChangeState#FAILED}. */
    record Finish(ChangeState outcome) implements ChangeCommand {

        public Finish {
            if (outcome != ChangeState.COMPLETED && outcome != ChangeState.ROLLED_BACK && outcome != ChangeState.FAILED) {
                throw new IllegalArgumentException(outcome + " is not how work ends");
            }
        }
    }

    /** A production issue seen on the change, in the reporter's words. */
    record ReportIssue(String summary) implements ChangeCommand {

        public ReportIssue {
            summary = Objects.requireNonNullElse(summary, "").strip();
        }
    }

    /** The emergency's fix is in. */
    record Resolve() implements ChangeCommand {
    }

    /** Meet one follow-up the change owes, with what its form asked. */
    record Satisfy(String obligation, Map<String, String> answers) implements ChangeCommand {

        public Satisfy {
            answers = Map.copyOf(answers);
        }
    }

    /** A soak's timer rang. */
    record EndSoak(String environment) implements ChangeCommand {
    }

    /** A follow-up's reminder is due: the people who can meet it are told. */
    record RemindFollowUp(String obligation) implements ChangeCommand {
    }

    /** A follow-up's deadline passed. */
    record FollowUpDue(String obligation) implements ChangeCommand {
    }
}
