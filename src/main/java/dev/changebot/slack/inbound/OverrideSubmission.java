package dev.changebot.slack.inbound;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.request.AnswerOnce;
import dev.changebot.application.request.Delivery;
import dev.changebot.application.change.ActionOutcome;
import dev.changebot.application.change.ChangeService;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/** The override justification is submitted: authority is checked again now, and the exception recorded. */
@Singleton
public class OverrideSubmission implements ViewSubmissionHandler {

    private final ChangeService service;
    private final AnswerOnce once;

    public OverrideSubmission(ChangeService service, AnswerOnce once) {
        this.service = service;
        this.once = once;
    }

    @Override
    public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        var ref = ChangeRef.decode(payload.getView().getPrivateMetadata()).filter(ChangeRef::namesChange);
        if (ref.isEmpty()) {
            return error(ctx, "This form is from an older Changebot; use `/change start CHG-n` again.");
        }
        var justification = Optional.ofNullable(payload.getView().getState().getValues().get(SlackIds.OVERRIDE_JUSTIFICATION))
                .map(actions -> actions.get(SlackIds.INPUT)).map(v -> v.getValue()).filter(t -> !t.isBlank());
        if (justification.isEmpty()) {
            return error(ctx, "Write why it must start now: the justification is the audit record of this exception.");
        }
        var team = payload.getTeam().getId();
        var first = once.firstTime(Delivery.viewSubmission(team, payload.getView().getId(), payload.getView().getHash()),
                () -> service.run(team, ref.get().changeId(), payload.getUser().getId(), new ChangeCommand.Start(justification)),
                o -> o instanceof ActionOutcome.Done || o instanceof ActionOutcome.AwaitingSigners);
        if (first.isEmpty()) {
            return ctx.ack(); // a redelivery of a recorded override: the form closes again, nothing is told twice
        }
        var outcome = first.get();
        if (outcome instanceof ActionOutcome.Done) {
            return ctx.ack();
        }
        if (outcome instanceof ActionOutcome.AwaitingSigners awaiting) {
            Ephemeral.tell(ctx.client(), payload.getUser().getId(), payload.getUser().getId(),
                    "You signed the override of " + ref.get().changeId() + ". " + awaiting.missing());
            return ctx.ack();
        }
        // Asked for a justification although one was given: the override is not for this person any more.
        return error(ctx, outcome instanceof ActionOutcome.NeedsJustification ? "The calendar changed; start it again."
                : Replies.of(outcome, ""));
    }

    private static Response error(ViewSubmissionContext ctx, String message) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(SlackIds.OVERRIDE_JUSTIFICATION, message)));
    }
}
