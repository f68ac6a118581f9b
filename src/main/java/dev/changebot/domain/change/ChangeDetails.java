package dev.changebot.domain.change;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the requester says about a change. Every field is as typed; {@link ChangeDetailsRules}
 * decides whether it is complete enough for the class of change. {@code extra} holds the fields
 * only some policies ask for (estimated downtime, success criteria, design doc...).
 */
public record ChangeDetails(
        String title,
        String description,
        String justification,
        String systemsAffected,
        String environment,
        Risk risk,
        String implementationPlan,
        String rollbackPlan,
        String testingEvidence,
        Instant proposedStart,
        Duration expectedDuration,
        Map<ChangeField, String> extra) {

    public ChangeDetails {
        var copy = new EnumMap<ChangeField, String>(ChangeField.class);
        extra.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                copy.put(field, value);
            }
        });
        extra = Map.copyOf(copy);
    }

    /** The common fields only. */
    public ChangeDetails(String title, String description, String justification, String systemsAffected,
                         String environment, Risk risk, String implementationPlan, String rollbackPlan,
                         String testingEvidence, Instant proposedStart, Duration expectedDuration) {
        this(title, description, justification, systemsAffected, environment, risk, implementationPlan, rollbackPlan,
                testingEvidence, proposedStart, expectedDuration, Map.of());
    }

    /** Its row of the policy's approval matrix, "category/type", when the requester named one. */
    public java.util.Optional<String> changeType() {
        return java.util.Optional.ofNullable(extra.get(ChangeField.CHANGE_TYPE));
    }

    public Instant expectedEnd() {
        return proposedStart.plus(expectedDuration);
    }

    /** The text of a free-text field, common or extra; null when not given or not a text field. */
    public String text(ChangeField field) {
        return switch (field) {
            case TITLE -> title;
            case DESCRIPTION -> description;
            case JUSTIFICATION -> justification;
            case SYSTEMS_AFFECTED -> systemsAffected;
            case ENVIRONMENT -> environment;
            case IMPLEMENTATION_PLAN -> implementationPlan;
            case ROLLBACK_PLAN -> rollbackPlan;
            case TESTING_EVIDENCE -> testingEvidence;
            case RISK, PROPOSED_START, EXPECTED_DURATION -> null;
            default -> extra.get(field);
        };
    }
}
