package dev.changebot.slack.inbound;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.change.ActionOutcome;
import dev.changebot.application.request.AnswerOnce;
import dev.changebot.application.request.Delivery;
import dev.changebot.application.change.ChangeService;
import dev.changebot.domain.change.ApprovalVia;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/** The rejection reason is submitted; a refusal is shown inside the modal, under the reason. */
@Singleton
public class RejectReasonSubmission implements ViewSubmissionHandler {

    private final ChangeService service;
    private final AnswerOnce once;

    public RejectReasonSubmission(ChangeService service, AnswerOnce once) {
        this.service = service;
        this.once = once;
    }

    @Override
    public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        var ref = ChangeRef.decode(payload.getView().getPrivateMetadata()).filter(ChangeRef::namesChange);
        if (ref.isEmpty()) {
            return error(ctx, "This form is from an older Changebot; use `/change reject CHG-n <reason>` instead.");
        }
        var reason = Optional.ofNullable(payload.getView().getState().getValues().get(SlackIds.REASON))
                .map(actions -> actions.get(SlackIds.INPUT)).map(v -> v.getValue()).orElse("");
        var team = payload.getTeam().getId();
        var outcome = once.firstTime(Delivery.viewSubmission(team, payload.getView().getId(), payload.getView().getHash()),
                () -> service.run(team, ref.get().changeId(), payload.getUser().getId(), new ChangeCommand.Reject(reason, ApprovalVia.BUTTON)),
                o -> o instanceof ActionOutcome.Done);
        // Empty: a redelivery of a recorded rejection, which closes the form again.
        return outcome.filter(o -> !(o instanceof ActionOutcome.Done)).map(o -> error(ctx, Replies.of(o, "")))
                .orElseGet(ctx::ack);
    }

    private static Response error(ViewSubmissionContext ctx, String message) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(SlackIds.REASON, message)));
    }
}
