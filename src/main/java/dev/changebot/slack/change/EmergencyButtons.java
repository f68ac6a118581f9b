package dev.changebot.slack.change;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.ActionOutcome;
import dev.changebot.application.AnswerOnce;
import dev.changebot.application.Delivery;
import dev.changebot.application.EmergencyChanges;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** The emergency message's buttons (Resolve, one per follow-up) and the follow-up form's submission. */
@Singleton
public class EmergencyButtons {

    private final EmergencyChanges emergencies;
    private final SatisfyFlow satisfyFlow;
    private final AnswerOnce once;
    private final ButtonPlacement placement;

    public EmergencyButtons(EmergencyChanges emergencies, SatisfyFlow satisfyFlow, AnswerOnce once,
                            ButtonPlacement placement) {
        this.emergencies = emergencies;
        this.satisfyFlow = satisfyFlow;
        this.once = once;
        this.placement = placement;
    }

    public Response resolve(BlockActionRequest req, ActionContext ctx) {
        var click = ButtonClick.of(req.getPayload());
        ChangeRef.decode(click.value()).filter(r -> r.changeId() != null).ifPresent(ref -> {
            try {
                var refusal = placement.refusal(click, ref.changeId());
                if (refusal.isPresent()) {
                    Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), refusal.get());
                    return;
                }
                var outcome = emergencies.resolve(click.teamId(), ref.changeId(), click.userId());
                if (!(outcome instanceof ActionOutcome.Done)) {
                    Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), Replies.of(outcome, ""));
                }
            } catch (RuntimeException e) {
                Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), Failures.tell("resolve " + ref.changeId(), e));
            }
        });
        return ctx.ack();
    }

    public Response satisfy(BlockActionRequest req, ActionContext ctx) {
        var click = ButtonClick.of(req.getPayload());
        var target = click.value().split("\\|", 2);
        var id = ChangeId.parse(target[0]);
        if (id.isPresent() && target.length == 2) {
            try {
                placement.refusal(click, id.get())
                        .or(() -> satisfyFlow.open(ctx.client(), click.triggerId(), click.teamId(), id.get(), target[1]))
                        .ifPresent(text -> Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), text));
            } catch (RuntimeException e) {
                Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), Failures.tell("open a follow-up of " + id.get(), e));
            }
        }
        return ctx.ack();
    }

    public Response submitted(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var p = req.getPayload();
        var target = java.util.Objects.requireNonNullElse(p.getView().getPrivateMetadata(), "").split("\\|", 2);
        var id = ChangeId.parse(target[0]);
        var answers = new LinkedHashMap<String, String>();
        p.getView().getState().getValues().forEach((block, actions) -> {
            var value = actions.get(SlackIds.INPUT);
            if (block.startsWith(SlackIds.ANSWER_PREFIX) && value != null && value.getValue() != null) {
                answers.put(block.substring(SlackIds.ANSWER_PREFIX.length()), value.getValue());
            }
        });
        var firstBlock = answers.keySet().stream().findFirst().map(a -> SlackIds.ANSWER_PREFIX + a)
                .orElse(SlackIds.ANSWER_PREFIX + "notes");
        if (id.isEmpty() || target.length != 2) {
            return error(ctx, firstBlock, "This form is from an older Changebot; use `/change satisfy CHG-n <follow-up>`.");
        }
        try {
            var team = p.getTeam().getId();
            var outcome = once.firstTime(Delivery.viewSubmission(team, p.getView().getId(), p.getView().getHash()),
                    () -> emergencies.satisfy(team, id.get(), p.getUser().getId(), target[1], answers),
                    o -> o instanceof ActionOutcome.Done);
            // Empty: a redelivery of a recorded answer, which closes the form again.
            return outcome.filter(o -> !(o instanceof ActionOutcome.Done))
                    .map(o -> error(ctx, firstBlock, Replies.of(o, ""))).orElseGet(ctx::ack);
        } catch (RuntimeException e) {
            return error(ctx, firstBlock, Failures.tell("record a follow-up of " + id.get(), e));
        }
    }

    private static Response error(ViewSubmissionContext ctx, String block, String message) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(block, message)));
    }
}
