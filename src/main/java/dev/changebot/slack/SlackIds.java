package dev.changebot.slack;

/** Every id we give Slack and get back in payloads, in one place. */
public final class SlackIds {

    public static final String COMMAND = "/change";

    public static final String APPROVE_BUTTON = "change_approve";
    /** The approval the policy asks before a rollback: its own button, so an Approve never consents to one. */
    public static final String APPROVE_ROLLBACK_BUTTON = "change_approve_rollback";
    public static final String REJECT_BUTTON = "change_reject";
    public static final String START_BUTTON = "change_start";
    public static final String RESOLVE_BUTTON = "emergency_resolve";
    /** Value: {@link ChangeRef#deployment}, the next deployment the class's plan asks for. */
    public static final String DEPLOYED_BUTTON = "change_deployed";
    public static final String DONE_BUTTON = "change_done";
    public static final String ROLLED_BACK_BUTTON = "change_rolled_back";
    public static final String FAILED_BUTTON = "change_failed";
    /** The Next page button under a page of `/change list`; value: {@link ListCursor}. */
    public static final String LIST_NEXT_BUTTON = "change_list_next";
    /**
     * Followed by ":" and the obligation's name, so each follow-up has its own button; value:
     * {@link ChangeRef#obligation}, as is the private metadata of its form.
     */
    public static final String SATISFY_BUTTON = "obligation_satisfy";
    public static final String SATISFY_MODAL = "obligation_satisfy_form";
    /** Answers in the satisfy form: this prefix and the name of what the policy asks. */
    public static final String ANSWER_PREFIX = "answer_";
    public static final String OVERRIDE_MODAL = "change_override";
    public static final String OVERRIDE_JUSTIFICATION = "override_justification";

    public static final String NEW_CHANGE_MODAL = "change_new";
    public static final String REJECT_MODAL = "change_reject_reason";
    /** "Caused by a change?" on an incident's banner; its value is the incident's number. */
    public static final String INCIDENT_CAUSE_BUTTON = "incident_cause";
    public static final String INCIDENT_CAUSE_MODAL = "incident_cause_modal";
    public static final String CAUSE_CHANGE = "cause_change";

    /** Input blocks of the new-change modal; each holds one element with action id {@link #INPUT}. */
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String JUSTIFICATION = "justification";
    public static final String SYSTEMS_AFFECTED = "systems_affected";
    public static final String ENVIRONMENT = "environment";
    public static final String SERVICE = "service";
    /** The form's row of the approval matrix: its block id is the field's name, as for the text fields. */
    public static final String CHANGE_TYPE = "change_type";
    public static final String RISK = "risk";
    public static final String IMPLEMENTATION_PLAN = "implementation_plan";
    public static final String ROLLBACK_PLAN = "rollback_plan";
    public static final String TESTING_EVIDENCE = "testing_evidence";
    public static final String PROPOSED_START = "proposed_start";
    public static final String EXPECTED_DURATION = "expected_duration";

    public static final String CHANGE_CLASS = "change_class";
    /** Questionnaire answers: this prefix and the question's id. */
    public static final String QUESTION_PREFIX = "q_";

    public static final String REASON = "reason";

    public static final String INPUT = "input";

    private SlackIds() {
    }
}
