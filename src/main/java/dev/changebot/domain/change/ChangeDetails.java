package dev.changebot.domain.change;

import java.time.Duration;
import java.time.Instant;

/**
 * What the requester says about a change. Every field is as typed; {@link ChangeDetailsRules}
 * decides whether it is complete enough to be requested.
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
        Duration expectedDuration) {

    public Instant expectedEnd() {
        return proposedStart.plus(expectedDuration);
    }
}
