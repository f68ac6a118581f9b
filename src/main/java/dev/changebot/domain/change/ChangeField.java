package dev.changebot.domain.change;

/** The fields of a change request, named so that adapters can point at the one that is wrong. */
public enum ChangeField {
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
    EXPECTED_DURATION
}
