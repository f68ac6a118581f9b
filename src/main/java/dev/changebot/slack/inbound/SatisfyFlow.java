package dev.changebot.slack.inbound;

import com.slack.api.methods.MethodsClient;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.query.FindChanges;
import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.rules.Actor;
import dev.changebot.domain.rules.ChangeRules;
import dev.changebot.slack.view.Cut;
import dev.changebot.slack.view.SatisfyModal;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the form for one follow-up (from its button or `/change satisfy`). Who may answer is told
 * before the form opens (a declarer learns at once that their retrospective must come from someone
 * else) and checked again on submit.
 */
@Singleton
public class SatisfyFlow {

    private static final Logger LOG = LoggerFactory.getLogger(SatisfyFlow.class);

    private static final int MAX_NAME_SHOWN = 100;

    private final FindChanges findChanges;
    private final RoleDirectory directory;
    private final ChangeRules rules;

    public SatisfyFlow(FindChanges findChanges, RoleDirectory directory, ChangeRules rules) {
        this.findChanges = findChanges;
        this.directory = directory;
        this.rules = rules;
    }

    /** What to tell the person; empty when the form opened. */
    public Optional<String> open(MethodsClient client, String triggerId, String workspaceId, String userId, ChangeId id,
                                 String name) {
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
        var actor = Actor.person(userId, directory.rolesOf(workspaceId, userId));
        if (rules.maySatisfy(change.get(), name, actor) instanceof Decision.Refused refused) {
            return Optional.of(refused.reason());
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
