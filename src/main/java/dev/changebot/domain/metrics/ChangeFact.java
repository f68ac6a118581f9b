package dev.changebot.domain.metrics;

import java.time.Instant;
import java.util.List;

/**
 * What the record says about one change, as the metrics need it. Times that never happened are
 * null: a change never approved has no {@code fullyApprovedAt}, an unfinished one no {@code outcome}.
 *
 * @param productionDeployedAt the first ChangeDeployed event to production (any rollout step), if reported in Slack
 * @param openSoakUntil        the end of the soak its last deployment started, when no ChangeSoakCompleted followed it
 * @param outcome              COMPLETED, ROLLED_BACK or FAILED from its ChangeFinished event
 * @param approvals            its ChangeApproved events in the order they were recorded
 * @param causedIncident       linked to an incident as its cause (`/change incident cause`): a failure
 */
public record ChangeFact(long number, String className, String service, String environment, Instant requestedAt,
                         Instant firstApprovalAt, Instant fullyApprovedAt, boolean emergency, Instant overrideAt,
                         Instant productionDeployedAt, Instant openSoakUntil, String outcome, Instant finishedAt,
                         List<FollowUp> followUps, List<Approval> approvals, boolean causedIncident) {

    public static final String COMPLETED = "COMPLETED";
    public static final String ROLLED_BACK = "ROLLED_BACK";
    public static final String FAILED = "FAILED";

    public ChangeFact {
        followUps = List.copyOf(followUps);
        approvals = List.copyOf(approvals);
    }

    /** One approval of one step of its chain ({@code step} from 1), with the roles that made it count. */
    public record Approval(int step, Instant at, List<String> roles) {

        public Approval {
            roles = List.copyOf(roles);
        }
    }

    /** One obligation the change owed (change_request.obligations): when it was due and when it was met, if it was. */
    public record FollowUp(String name, Instant dueAt, Instant satisfiedAt) {
    }

    /** The same change with the follow-ups it owes, read separately. */
    public ChangeFact owing(List<FollowUp> owed) {
        return new ChangeFact(number, className, service, environment, requestedAt, firstApprovalAt, fullyApprovedAt,
                emergency, overrideAt, productionDeployedAt, openSoakUntil, outcome, finishedAt, owed, approvals,
                causedIncident);
    }

    public boolean failed() {
        return ROLLED_BACK.equals(outcome) || FAILED.equals(outcome);
    }

    /** Finished (rolled back or failed) while the soak after its last deployment was still running. */
    public boolean soakAborted() {
        return failed() && openSoakUntil != null && finishedAt != null && finishedAt.isBefore(openSoakUntil);
    }
}
