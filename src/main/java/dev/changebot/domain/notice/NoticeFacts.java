package dev.changebot.domain.notice;

import dev.changebot.domain.policy.DeploymentPlan;
import java.time.Instant;
import java.util.Optional;

/**
 * What a notice says, as facts taken when it was decided, one record per kind: whatever a reader
 * needs to be told, and nothing about how it is shown. Titles are as the person typed them.
 */
public sealed interface NoticeFacts {

    /**
     * Whether it may wait while change messages of its channel are still to be posted: a notice of a
     * conflict tells of something to look at, not a decision, and must not hold back the messages people act on.
     */
    default boolean yieldsToChangeMessages() {
        return false;
    }

    /**
     * The soak in {@code environment} ended; {@code next} is the deployment now allowed, if any is left,
     * once the approvals the policy asks before it ({@code awaiting}, their names) are given.
     */
    record SoakCompleted(String environment, Optional<DeploymentPlan.NextDeployment> next, java.util.List<String> awaiting)
            implements NoticeFacts {

        public SoakCompleted {
            awaiting = java.util.List.copyOf(awaiting);
        }

        public SoakCompleted(String environment, Optional<DeploymentPlan.NextDeployment> next) {
            this(environment, next, java.util.List.of());
        }
    }

    /** The open approval step, described as people are told ("step 1 (Backend Lead review)"), waits for the reader. */
    record ApprovalReminder(String title, String step) implements NoticeFacts {
    }

    /** The open approval step has waited too long; {@code requesterId} is who to ask about it. */
    record ApprovalEscalation(String title, String step, String requesterId) implements NoticeFacts {
    }

    /** A change's follow-up ({@code followUp} names it for commands, {@code label} for people) is due soon. */
    record FollowUpReminder(String title, String followUp, String label, Instant dueAt) implements NoticeFacts {
    }

    /** A change's follow-up missed its deadline and stays open. */
    record FollowUpOverdue(String title, String followUp, String label, Instant dueAt) implements NoticeFacts {
    }

    /**
     * An event ({@code after}, as the policy names it: "rolled_back", "issue_reported") started
     * follow-ups the change now owes, each as people read it with its deadline.
     */
    record FollowUpsOwed(String title, String after, java.util.List<OwedLine> owed) implements NoticeFacts {

        public FollowUpsOwed {
            owed = java.util.List.copyOf(owed);
        }
    }

    /** Someone reported a production issue on the change, in their words. */
    record IssueReported(String title, String reporterId, String summary) implements NoticeFacts {
    }

    /** One follow-up now owed: its name for commands, its label for people, its deadline. */
    record OwedLine(String followUp, String label, Instant dueAt) {
    }

    /** The change is recorded, but its message could not be posted in {@code channelId}, for good. */
    record ChangeNotPosted(String channelId, String problem) implements NoticeFacts {
    }

    /**
     * Something was deployed to {@code where} ("payments in production") that no allowed gate check
     * or approved change covered, for {@code why}; reported by {@code reportedBy} (a pipeline's
     * token, a GitHub login). The change, when it named one, is the notice's.
     */
    record UnauthorizedDeployment(String where, String reportedBy, String why, Optional<String> version,
                                  Optional<String> pipelineUrl, Instant at) implements NoticeFacts {
    }

    /**
     * The banner posted once in the change channel when an incident freezes changes:
     * {@code headline} "INC-3 SEV2 Payments down", {@code services} "payments-api" or "all services";
     * {@code reopened} when it is posted again because a resolved incident was reopened.
     */
    record IncidentFreeze(String ref, String headline, String services, String source, java.util.List<String> links,
                          boolean reopened) implements NoticeFacts {

        public IncidentFreeze {
            links = java.util.List.copyOf(links);
        }

        public IncidentFreeze(String ref, String headline, String services, String source, java.util.List<String> links) {
            this(ref, headline, services, source, links, false);
        }
    }

    /** The incident's freeze lifted; {@code waiting} are the changes ("CHG-4 Rotate keys") that may go now. */
    record IncidentThaw(String ref, String headline, String services, java.util.List<String> waiting)
            implements NoticeFacts {

        public IncidentThaw {
            waiting = java.util.List.copyOf(waiting);
        }
    }

    /**
     * One change a conflict is with, as a thread is told it: its id, owner, the time the two share and
     * where (the service, the shared systems; empty when only the owner is shared), and the kinds.
     */
    record ConflictLine(String change, String owner, Instant start, Instant end, String where,
                        java.util.List<String> kinds) {

        public ConflictLine {
            kinds = java.util.List.copyOf(kinds);
        }
    }

    /** Told in an open change's thread: {@code by}, requested later, is now planned over its window. */
    record PlannedOver(ConflictLine by) implements NoticeFacts {

        @Override
        public boolean yieldsToChangeMessages() {
            return true;
        }
    }

    /** Told in a newly requested change's thread: the open changes it is planned over, and how many more. */
    record PlannedOverOthers(java.util.List<ConflictLine> others, int more) implements NoticeFacts {

        public PlannedOverOthers {
            others = java.util.List.copyOf(others);
        }

        @Override
        public boolean yieldsToChangeMessages() {
            return true;
        }
    }
}
