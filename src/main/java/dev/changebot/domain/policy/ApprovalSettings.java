package dev.changebot.domain.policy;

/**
 * Policy-wide approval rules. Separation of duties is the default: the requester does not approve
 * their own change and one person does not satisfy two steps.
 */
public record ApprovalSettings(boolean requesterMayApprove, boolean onePersonPerStep, String approveReaction) {

    public static final String DEFAULT_REACTION = "white_check_mark";

    public static ApprovalSettings defaults() {
        return new ApprovalSettings(false, true, DEFAULT_REACTION);
    }
}
