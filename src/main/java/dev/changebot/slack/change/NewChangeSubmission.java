package dev.changebot.slack.change;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.NewChangeRequest;
import dev.changebot.application.RequestChange;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import jakarta.inject.Singleton;
import java.util.Map;

/** The new-change modal is submitted: validate, store, announce; problems stay inside the modal. */
@Singleton
public class NewChangeSubmission implements ViewSubmissionHandler {

    private final RequestChange requestChange;

    public NewChangeSubmission(RequestChange requestChange) {
        this.requestChange = requestChange;
    }

    @Override
    public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        var channel = ChangeRef.decode(payload.getView().getPrivateMetadata()).map(ChangeRef::channelId);
        if (channel.isEmpty()) {
            return errorsOnTitle(ctx, "This form is from an older Changebot; close it and run `/change new` again.");
        }
        var form = new NewChangeForm(payload.getView().getState());
        var userId = payload.getUser().getId();
        try {
            var outcome = requestChange.request(new NewChangeRequest(payload.getTeam().getId(), userId, channel.get(),
                    form.chosenClass(), form.answers(), form.details()));
            if (outcome instanceof RequestChange.Outcome.Invalid invalid) {
                return ctx.ack(r -> r.responseAction("errors").errors(NewChangeForm.errors(invalid.problems())));
            }
            return ctx.ack();
        } catch (RuntimeException e) {
            // Keeping the modal open with an error loses nothing the requester typed.
            return errorsOnTitle(ctx, Failures.tell("store a change request from " + userId, e));
        }
    }

    private static Response errorsOnTitle(ViewSubmissionContext ctx, String message) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(SlackIds.TITLE, message)));
    }
}
