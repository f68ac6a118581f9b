package dev.changebot.slack.inbound;

import com.slack.api.methods.MethodsClient;
import dev.changebot.application.query.FindChanges;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.view.Cut;
import dev.changebot.slack.view.SatisfyModal;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the form for one follow-up (from its button or `/change satisfy`); who may answer is checked on submit. */
@Singleton
public class SatisfyFlow {

    private static final Logger LOG = LoggerFactory.getLogger(SatisfyFlow.class);

    private static final int MAX_NAME_SHOWN = 100;

    private final FindChanges findChanges;

    public SatisfyFlow(FindChanges findChanges) {
        this.findChanges = findChanges;
    }

    /** What to tell the person; empty when the form opened. */
    public Optional<String> open(MethodsClient client, String triggerId, String workspaceId, ChangeId id, String name) {
        var change = findChanges.find(workspaceId, id);
        if (change.isEmpty()) {
            return Optional.of(Replies.notFound(id.toString()));
        }
        var obligation = change.flatMap(c -> c.obligations().stream().filter(o -> o.name().equals(name)).findFirst());
        if (obligation.isEmpty()) {
            // The name is what the person typed (or a button's value): shown as text, never as live mentions or links.
            return Optional.of(id + " owes no '" + Cut.userText(name, MAX_NAME_SHOWN) + "'. `/change show " + id
                    + "` lists what it owes.");
        }
        if (!SatisfyModal.canName(id, obligation.get())) {
            return Optional.of("The policy gives this follow-up of " + id + " a name longer than a Slack form can carry;"
                    + " ask for a shorter one in the policy file.");
        }
        try {
            var response = client.viewsOpen(r -> r.triggerId(triggerId).view(SatisfyModal.render(id, obligation.get())));
            return response.isOk() ? Optional.empty() : Optional.of("Slack would not open the form (" + response.getError() + ").");
        } catch (Exception e) {
            LOG.warn("Could not open the follow-up form", e);
            return Optional.of("Slack did not answer in time to open the form. Please try again.");
        }
    }
}
