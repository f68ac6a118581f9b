package dev.changebot.application.gate;

import dev.changebot.domain.change.MessageRef;
import dev.changebot.domain.gate.GateCheck;
import java.util.Optional;

/**
 * A check as the API answers it, with the change's Slack message to link to; {@code repeated} when
 * the same key had asked already and this is the first answer, not a new check.
 */
public record GateAnswer(GateCheck check, Optional<MessageRef> message, String workspaceId, boolean repeated) {
}
