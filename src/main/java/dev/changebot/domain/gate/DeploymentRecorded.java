package dev.changebot.domain.gate;

import dev.changebot.domain.change.ChangeId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a deployment report did: the change as it stands after it (when it named one) and, when it
 * soaks, until when; {@code uncoveredWhy} says why no allowed check or approved change covered it.
 */
public record DeploymentRecorded(Optional<ChangeId> change, String environment, DeploymentStatus status,
                                 Optional<String> changeState, Optional<Instant> soakUntil,
                                 Optional<String> uncoveredWhy, String message) {

    public boolean covered() {
        return uncoveredWhy.isEmpty();
    }
}
