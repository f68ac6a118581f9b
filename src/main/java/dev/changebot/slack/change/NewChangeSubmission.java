package dev.changebot.slack.change;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.NewChangeRequest;
import dev.changebot.application.RequestChange;
import dev.changebot.domain.change.Change;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The new-change modal is submitted: validate, store, announce; problems stay inside the modal. */
@Singleton
public class NewChangeSubmission implements ViewSubmissionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NewChangeSubmission.class);

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
            tellIfNotAnnounced(ctx, ((RequestChange.Outcome.Requested) outcome).change());
            return ctx.ack();
        } catch (RuntimeException e) {
            LOG.error("Could not store a change request from {}", userId, e);
            // Keeping the modal open with an error loses nothing the requester typed.
            return errorsOnTitle(ctx, Replies.TRY_AGAIN);
        }
    }

    private static Response errorsOnTitle(ViewSubmissionContext ctx, String message) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(SlackIds.TITLE, message)));
    }

    /** The change is stored either way; if its message could not be posted, the requester hears why by DM. */
    private static void tellIfNotAnnounced(ViewSubmissionContext ctx, Change change) {
        if (change.message().isPresent()) {
            return;
        }
        try {
            ctx.client().chatPostMessage(r -> r.channel(change.requesterId())
                    .text(change.id() + " is recorded, but I could not post it in <#" + change.originChannelId()
                            + ">. Invite me there with `/invite @Changebot`, or see it with `/change show "
                            + change.id() + "`."));
        } catch (Exception e) {
            LOG.warn("Could not tell {} that {} was not announced", change.requesterId(), change.id(), e);
        }
    }
}
