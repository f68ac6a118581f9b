package dev.changebot.slack.inbound;

import com.slack.api.methods.MethodsClient;
import dev.changebot.application.change.ActionOutcome;
import dev.changebot.application.change.ChangeService;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.view.OverrideModal;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start, from a button or `/change start`: started, or blocked with the reason and, for someone
 * allowed to override, the justification form (opened at once: the trigger id lives 3 seconds).
 */
@Singleton
public class StartFlow {

    private static final Logger LOG = LoggerFactory.getLogger(StartFlow.class);

    private final ChangeService service;

    public StartFlow(ChangeService service) {
        this.service = service;
    }

    /** What to tell the person, privately: what happened, or why not; empty when the override form opened. */
    public Optional<String> start(MethodsClient client, String triggerId, String workspaceId, ChangeId id, String userId) {
        var outcome = service.run(workspaceId, id, userId, new ChangeCommand.Start(Optional.empty()));
        if (outcome instanceof ActionOutcome.Refused || outcome instanceof ActionOutcome.NotFound) {
            return Optional.of(Replies.of(outcome, ""));
        }
        if (outcome instanceof ActionOutcome.AwaitingSigners awaiting) {
            return Optional.of("You signed the override of " + id + ". " + awaiting.missing());
        }
        if (outcome instanceof ActionOutcome.NeedsJustification blocked) {
            var check = blocked.check();
            try {
                var response = client.viewsOpen(r -> r.triggerId(triggerId).view(OverrideModal.render(id, check.summary())));
                if (!response.isOk()) {
                    LOG.warn("Slack refused to open the override form: {}", response.getError());
                    return Optional.of(check.summary() + " Slack would not open the override form; try again.");
                }
            } catch (Exception e) {
                LOG.warn("Could not open the override form", e);
                return Optional.of(check.summary() + " Slack did not answer in time; try again.");
            }
            return Optional.empty();
        }
        if (outcome instanceof ActionOutcome.Done done) {
            return Optional.of("Started " + id + ": it is " + done.change().state().label() + ". Report each deployment"
                    + " with the buttons on its message or `/change deployed " + id + " <environment>`.");
        }
        return Optional.empty();
    }
}
