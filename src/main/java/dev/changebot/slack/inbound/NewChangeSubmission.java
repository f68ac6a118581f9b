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
import dev.changebot.application.query.ChangeViews;
import dev.changebot.application.query.FindConflicts;
import dev.changebot.application.query.ScheduledChanges;
import dev.changebot.slack.view.ConflictWarning;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The new-change modal is submitted: validate, store, announce; problems stay inside the modal. A change
 * recorded with conflicts (another change on its service or systems at the same time, a rollout under
 * way, a freeze its window runs into, its owner busy elsewhere) turns the form into a warning listing them
 * with the next free slot: recorded all the same (a warning), unless its class says {@code conflicts: block}:
 * then it is refused and the form shows them as errors under its proposed start.
 */
@Singleton
public class NewChangeSubmission implements ViewSubmissionHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NewChangeSubmission.class);

    private final RequestChange requestChange;
    private final AnswerOnce once;
    private final ChangeViews views;

    public NewChangeSubmission(RequestChange requestChange, AnswerOnce once, ChangeViews views) {
        this.requestChange = requestChange;
        this.once = once;
        this.views = views;
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
        if (outcome.orElse(null) instanceof RequestChange.Outcome.Requested requested) {
            var found = conflictsOf(requested);
            if (found.isPresent()) {
                var warning = ConflictWarning.render(found.get());
                return ctx.ack(r -> r.responseAction("update").view(warning));
            }
        }
        return ctx.ack();
    }

    /**
     * The conflicts the request found (a class with {@code conflicts: block} refused them as errors already):
     * the change is recorded, so a failure to show them only closes the form.
     */
    private java.util.Optional<FindConflicts.Found> conflictsOf(RequestChange.Outcome.Requested requested) {
        try {
            return requested.conflicts().filter(f -> !f.conflicts().isEmpty()).map(f -> new FindConflicts.Found(
                    ScheduledChanges.of(views.of(requested.change())), f.conflicts(), f.nextFreeSlot()));
        } catch (RuntimeException e) {
            LOG.warn("Could not show the conflicts of {} in the form's warning", requested.change().id(), e);
            return java.util.Optional.empty();
        }
    }

    private static Response errorsOnTitle(ViewSubmissionContext ctx, String message) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(SlackIds.TITLE, message)));
    }
}
