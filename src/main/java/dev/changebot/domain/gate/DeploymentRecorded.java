package dev.changebot.domain.gate;

import dev.changebot.domain.change.ChangeId;
import java.time.Instant;
import java.util.Optional;

/** What a deployment report did: the change as it stands after it, and, when it soaks, until when. */
public record DeploymentRecorded(ChangeId change, String environment, DeploymentStatus status, String changeState,
                                 Optional<Instant> soakUntil, String message) {
}
