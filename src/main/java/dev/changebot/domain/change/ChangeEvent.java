package dev.changebot.domain.change;

import java.time.Instant;
import java.util.List;

/** Something that happened to a change: the audit trail is the list of these, in order. */
public sealed interface ChangeEvent {

    ChangeId changeId();

    /** The person who did it, as the chat platform identifies them. */
    String actorId();

    Instant occurredAt();

    /** A stable name for storage and export. */
    default String type() {
        return getClass().getSimpleName();
    }

    record ChangeRequested(ChangeId changeId, String actorId, Instant occurredAt, String title) implements ChangeEvent {
    }

    /**
     * An approval of {@code step}; {@code completesChain} when it was the last one the chain needed.
     * {@code via} is how it was given and {@code roles} the policy roles the approver held then that
     * the step accepted (sorted): the provenance an auditor checks.
     */
    record ChangeApproved(ChangeId changeId, String actorId, Instant occurredAt, int step, boolean completesChain,
                          ApprovalVia via, List<String> roles) implements ChangeEvent {

        public ChangeApproved {
            java.util.Objects.requireNonNull(via, "how the approval was given");
            roles = List.copyOf(roles);
        }
    }

    /** An approval withdrawn (its reaction removed) before its step was complete. */
    record ChangeApprovalRevoked(ChangeId changeId, String actorId, Instant occurredAt, int step)
            implements ChangeEvent {
    }

    /** Work on an approved change began, inside its windows and outside any freeze. */
    record ChangeStarted(ChangeId changeId, String actorId, Instant occurredAt) implements ChangeEvent {
    }

    /** Work began despite a freeze or outside a window: an audited exception, with its justification. */
    record ChangeStartedByOverride(ChangeId changeId, String actorId, Instant occurredAt, String justification,
                                   List<String> rules, List<String> signers) implements ChangeEvent {
    }

    /** One person signed an override that needs others' roles too; nothing starts yet. */
    record ChangeOverrideSigned(ChangeId changeId, String actorId, Instant occurredAt, String justification,
                                List<String> rules, List<String> roles) implements ChangeEvent {
    }

    /**
     * Deployed to an environment ({@code percent} of users for a step of a staged rollout); when the
     * policy soaks that stage, the soak runs until {@code soakUntil} (null when it does not).
     */
    record ChangeDeployed(ChangeId changeId, String actorId, Instant occurredAt, String environment,
                          java.util.OptionalInt percent, Instant soakUntil) implements ChangeEvent {

        /** The stage as people name it and the record keeps it: "staging", "production 25%". */
        public String label() {
            return percent.isPresent() ? environment + " " + percent.getAsInt() + "%" : environment;
        }
    }

    /** The soak ran its course: the next environment is allowed. */
    record ChangeSoakCompleted(ChangeId changeId, String actorId, Instant occurredAt, String environment)
            implements ChangeEvent {
    }

    /**
     * A failed or rolled-back change started again, inside its class's windows or fallback windows
     * (chat-backend: "Fallback: Second Tuesday if first window fails"); its deployments start over.
     */
    record ChangeRetried(ChangeId changeId, String actorId, Instant occurredAt, ChangeState after)
            implements ChangeEvent {
    }

    /** Work ended: completed, rolled back or failed (a soak in progress is aborted). */
    record ChangeFinished(ChangeId changeId, String actorId, Instant occurredAt, ChangeState outcome)
            implements ChangeEvent {
    }

    /** An incident commander declared an emergency change: it is in progress at once, and owes its follow-ups. */
    /** {@code verbalApprovalBy}: who approved it by word before it was declared, where the policy asks for that. */
    record EmergencyDeclared(ChangeId changeId, String actorId, Instant occurredAt, String summary, String declaredBy,
                             java.util.Optional<String> verbalApprovalBy) implements ChangeEvent {

        public EmergencyDeclared(ChangeId changeId, String actorId, Instant occurredAt, String summary, String declaredBy) {
            this(changeId, actorId, occurredAt, summary, declaredBy, java.util.Optional.empty());
        }
    }

    /** The emergency fix is in. */
    record EmergencyResolved(ChangeId changeId, String actorId, Instant occurredAt) implements ChangeEvent {
    }

    /**
     * Follow-ups the change owes from now, started by {@code after} (the policy's trigger:
     * {@code rolled_back}, {@code deployed: production}...). Recorded just before the event that
     * started them, so that event's own effect (an emergency closing once nothing is owed) sees them.
     */
    record FollowUpsOwed(ChangeId changeId, String actorId, Instant occurredAt, String after, List<Obligation> owed)
            implements ChangeEvent {

        public FollowUpsOwed {
            owed = List.copyOf(owed);
        }
    }

    /** Someone reported a production issue on the change: what they saw, in their words. */
    record IssueReported(ChangeId changeId, String actorId, Instant occurredAt, String summary) implements ChangeEvent {
    }

    /** A follow-up obligation was met, with what its form asked. */
    record ObligationSatisfied(ChangeId changeId, String actorId, Instant occurredAt, String obligation,
                               java.util.Map<String, String> answers) implements ChangeEvent {
    }

    /** A follow-up missed its deadline; {@code dueAt} is the original one. */
    record ObligationOverdue(ChangeId changeId, String actorId, Instant occurredAt, String obligation, Instant dueAt)
            implements ChangeEvent {
    }

    /** A class the policy pre-approves (standard changes) is approved as it is requested. */
    record ChangePreApproved(ChangeId changeId, String actorId, Instant occurredAt, String changeClass)
            implements ChangeEvent {
    }

    /**
     * A rejection, with its provenance as an approval has it: {@code via} how it was given and
     * {@code roles} the policy roles the rejecter held then that made the rejection count (sorted).
     */
    record ChangeRejected(ChangeId changeId, String actorId, Instant occurredAt, String reason, ApprovalVia via,
                          List<String> roles) implements ChangeEvent {

        public ChangeRejected {
            java.util.Objects.requireNonNull(via, "how the rejection was given");
            roles = List.copyOf(roles);
        }
    }

    record ChangeCancelled(ChangeId changeId, String actorId, Instant occurredAt) implements ChangeEvent {
    }

    /**
     * An approval given during the deployment: {@code step} of the policy's approvals {@code before} a
     * stage ("production", "production 25%", "rollback"), with its provenance as a {@link ChangeApproved}
     * has it; {@code completes} when it was the last one that approval needed.
     */
    record StageApproved(ChangeId changeId, String actorId, Instant occurredAt, String before, String step,
                         ApprovalVia via, List<String> roles, boolean completes) implements ChangeEvent {

        public StageApproved {
            java.util.Objects.requireNonNull(via, "how the approval was given");
            roles = List.copyOf(roles);
        }
    }

    /** A stage approval withdrawn (its reaction removed) before its stage was reached. */
    record StageApprovalRevoked(ChangeId changeId, String actorId, Instant occurredAt, String before, String step)
            implements ChangeEvent {
    }

    /**
     * Something the policy wanted approved happened without the approval, and was recorded anyway so
     * that no fact is lost (a rollback is recorded after it was done): {@code missing} says whose approval
     * was not given. It changes nothing; the audit trail holds it beside what happened.
     */
    record StageApprovalSkipped(ChangeId changeId, String actorId, Instant occurredAt, String before, String step,
                                List<String> missing) implements ChangeEvent {

        public StageApprovalSkipped {
            missing = List.copyOf(missing);
        }
    }
}
