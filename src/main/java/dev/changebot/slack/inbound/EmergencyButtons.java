package dev.changebot.slack.inbound;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.change.ActionOutcome;
import dev.changebot.application.request.AnswerOnce;
import dev.changebot.application.request.Delivery;
import dev.changebot.application.change.ChangeService;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** The emergency message's buttons (Resolve, one per follow-up) and the follow-up form's submission. */
@Singleton
public class EmergencyButtons {

    private final ChangeService service;
    private final SatisfyFlow satisfyFlow;
    private final AnswerOnce once;
    private final ButtonPlacement placement;

    public EmergencyButtons(ChangeService service, SatisfyFlow satisfyFlow, AnswerOnce once,
                            ButtonPlacement placement) {
        this.service = service;
        this.satisfyFlow = satisfyFlow;
        this.once = once;
        this.placement = placement;
    }

    public Response resolve(BlockActionRequest req, ActionContext ctx) {
        var click = ButtonClick.of(req.getPayload());
        placement.target(click, ctx.client(), ChangeRef::namesChange, "`/change resolve CHG-n`").ifPresent(ref -> {
            var outcome = service.run(click.teamId(), ref.changeId(), click.userId(), new ChangeCommand.Resolve());
            if (!(outcome instanceof ActionOutcome.Done)) {
                Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), Replies.of(outcome, ""));
            }
        });
        return ctx.ack();
    }

    public Response satisfy(BlockActionRequest req, ActionContext ctx) {
        var click = ButtonClick.of(req.getPayload());
        placement.target(click, ctx.client(), ChangeRef::namesObligation, "`/change satisfy CHG-n &lt;follow-up&gt;`")
                .flatMap(ref -> satisfyFlow.open(ctx.client(), click.triggerId(), click.teamId(), click.userId(),
                        ref.changeId(), ref.obligation()))
                .ifPresent(text -> Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), text));
        return ctx.ack();
    }

    /** The follow-up form is submitted; what goes wrong is told on its first answer ({@link #errorBlock}). */
    public Response submitted(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var p = req.getPayload();
        var ref = ChangeRef.decode(p.getView().getPrivateMetadata()).filter(ChangeRef::namesObligation);
        if (ref.isEmpty()) {
            return error(ctx, errorBlock(p), "This form is from an older Changebot; use `/change satisfy CHG-n <follow-up>`.");
        }
        var team = p.getTeam().getId();
        var outcome = once.firstTime(Delivery.viewSubmission(team, p.getView().getId(), p.getView().getHash()),
                () -> service.run(team, ref.get().changeId(), p.getUser().getId(),
                        new ChangeCommand.Satisfy(ref.get().obligation(), answers(p))),
                o -> o instanceof ActionOutcome.Done);
        // Empty: a redelivery of a recorded answer, which closes the form again.
        return outcome.filter(o -> !(o instanceof ActionOutcome.Done))
                .map(o -> error(ctx, errorBlock(p), Replies.of(o, ""))).orElseGet(ctx::ack);
    }

    /** The block of the follow-up form that shows its errors: the first answer it asks for. */
    public static String errorBlock(ViewSubmissionPayload form) {
        return answers(form).keySet().stream().findFirst().map(a -> SlackIds.ANSWER_PREFIX + a)
                .orElse(SlackIds.ANSWER_PREFIX + "notes");
    }

    /** The answers by what the policy asks (what_changed, link...), in the form's order. */
    private static Map<String, String> answers(ViewSubmissionPayload form) {
        var answers = new LinkedHashMap<String, String>();
        form.getView().getState().getValues().forEach((block, actions) -> {
            var value = actions.get(SlackIds.INPUT);
            if (block.startsWith(SlackIds.ANSWER_PREFIX) && value != null && value.getValue() != null) {
                answers.put(block.substring(SlackIds.ANSWER_PREFIX.length()), value.getValue());
            }
        });
        return answers;
    }

    private static Response error(ViewSubmissionContext ctx, String block, String message) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(block, message)));
    }
}
