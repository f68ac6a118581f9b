package dev.changebot.domain.change;

/** The fields of a change request, named so that adapters can point at the one that is wrong. */
public enum ChangeField {
    /** Which class of the policy the change belongs to (chosen, or scored by the questionnaire). */
    CHANGE_CLASS,
    /** Which of the policy's services it is to, when the policy names services. */
    SERVICE,
    /** Its row of the policy's approval matrix, "category/type" (database/column-removal): whose approval it needs. */
    CHANGE_TYPE,
    TITLE,
    DESCRIPTION,
    JUSTIFICATION,
    SYSTEMS_AFFECTED,
    ENVIRONMENT,
    RISK,
    IMPLEMENTATION_PLAN,
    ROLLBACK_PLAN,
    TESTING_EVIDENCE,
    PROPOSED_START,
    EXPECTED_DURATION,
    /** Downtime users will see, if any. */
    ESTIMATED_DOWNTIME,
    /** How risk was assessed beyond the low/medium/high level. */
    RISK_ASSESSMENT,
    /** What tells us a migration or rollout succeeded. */
    SUCCESS_CRITERIA,
    /** Link to the design record: ADR, RFC, design doc. */
    DESIGN_DOC,
    /** Who is told, and how, before and after. */
    COMMUNICATION_PLAN,
    /** Which metrics are watched after deployment. */
    MONITORING_PLAN
}
