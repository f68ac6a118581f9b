package dev.changebot.application;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetailsRules;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.FieldProblem;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.change.MessageRef;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records a new change request and announces it to the channel it came from. */
@Singleton
public class RequestChange {

    private static final Logger LOG = LoggerFactory.getLogger(RequestChange.class);

    private final Changes changes;
    private final Transactions transactions;
    private final ChangeAnnouncer announcer;
    private final Clock clock;
    private final Policy policy;

    public RequestChange(Changes changes, Transactions transactions, ChangeAnnouncer announcer, Clock clock,
                         Policy policy) {
        this.policy = policy;
        this.changes = changes;
        this.transactions = transactions;
        this.announcer = announcer;
        this.clock = clock;
    }

    public Outcome request(NewChangeRequest request) {
        var now = clock.instant();
        var changeClass = policy.classify(request.changeClass(), request.answers());
        if (changeClass.isEmpty()) {
            return new Outcome.Invalid(List.of(new FieldProblem(ChangeField.CHANGE_CLASS,
                    "Choose a class of change" + (policy.questionnaire().isPresent() ? ", or answer every question." : "."))));
        }
        var problems = ChangeDetailsRules.problemsWith(request.details(), changeClass.get().requiredFields(), now);
        if (!problems.isEmpty()) {
            return new Outcome.Invalid(problems);
        }
        Change change = transactions.inTransaction(() -> {
            var id = changes.nextId(request.workspaceId());
            var requested = Change.request(id, request.workspaceId(), request.requesterId(), request.channelId(),
                    changeClass.get().name(), request.details(), now);
            changes.add(requested.change(), requested.event());
            if (changeClass.get().preApproved()) {
                changes.update(requested.change(), requested.change().preApprove(now));
            }
            return requested.change();
        });
        announcer.announce(change).ifPresent(ref -> rememberMessage(change, ref));
        return new Outcome.Requested(change);
    }

    /**
     * The change is stored and announced by now: failing to remember where its message is must
     * not read as a failed request, or a retry would create the change twice.
     */
    private void rememberMessage(Change change, MessageRef ref) {
        change.attachMessage(ref);
        try {
            transactions.inTransaction(() -> {
                changes.saveMessage(change);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("{} was posted but where its message is could not be stored; it will not update in place",
                    change.id(), e);
        }
    }

    public sealed interface Outcome {

        record Requested(Change change) implements Outcome {
        }

        record Invalid(List<FieldProblem> problems) implements Outcome {
        }
    }
}
