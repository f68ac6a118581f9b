package dev.changebot.application.change;

import dev.changebot.domain.change.ChangeDetails;
import java.util.Map;
import java.util.Optional;

/**
 * A person asks for a change, from a channel of a workspace: a class chosen from the policy, or
 * answers to its risk questionnaire (question id → answer value), or neither for the default;
 * for one of the policy's services when it names them.
 */
public record NewChangeRequest(String workspaceId, String requesterId, String channelId, Optional<String> changeClass,
                               Map<String, String> answers, ChangeDetails details, Optional<String> service) {

    public NewChangeRequest {
        answers = Map.copyOf(answers);
    }

    /** A request under a policy without services. */
    public NewChangeRequest(String workspaceId, String requesterId, String channelId, Optional<String> changeClass,
                            Map<String, String> answers, ChangeDetails details) {
        this(workspaceId, requesterId, channelId, changeClass, answers, details, Optional.empty());
    }
}
