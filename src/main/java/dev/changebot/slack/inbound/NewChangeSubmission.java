package dev.changebot.slack.inbound;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.request.AnswerOnce;
import dev.changebot.application.request.Delivery;
import dev.changebot.application.change.NewChangeRequest;
import dev.changebot.application.change.RequestChange;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import jakarta.inject.Singleton;
import java.util.Map;

/** The new-change modal is submitted: validate, store, announce; problems stay inside the modal. */
@Singleton
public class NewChangeSubmission implements ViewSubmissionHandler {

    private final RequestChange requestChange;
    private final AnswerOnce once;

    public NewChangeSubmission(RequestChange requestChange, AnswerOnce once) {
        this.requestChange = requestChange;
        this.once = once;
    }

    @Override
    public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        var channel = ChangeRef.decode(payload.getView().getPrivateMetadata()).map(ChangeRef::channelId);
        if (channel.isEmpty()) {
            return errorsOnTitle(ctx, "This form is from an older Changebot; close it and run `/change new` again.");
        }
        var form = new NewChangeForm(payload.getView().getState());
        var request = new NewChangeRequest(payload.getTeam().getId(), payload.getUser().getId(), channel.get(),
                form.chosenClass(), form.answers(), form.details(), form.service());
        // A redelivered submission of a change already recorded closes the form again.
        var outcome = once.firstTime(Delivery.viewSubmission(payload.getTeam().getId(), payload.getView().getId(),
                payload.getView().getHash()), () -> requestChange.request(request),
                o -> o instanceof RequestChange.Outcome.Requested);
        if (outcome.orElse(null) instanceof RequestChange.Outcome.Invalid invalid) {
            return ctx.ack(r -> r.responseAction("errors").errors(NewChangeForm.errors(invalid.problems())));
        }
        return ctx.ack();
    }

    private static Response errorsOnTitle(ViewSubmissionContext ctx, String message) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(SlackIds.TITLE, message)));
    }
}
