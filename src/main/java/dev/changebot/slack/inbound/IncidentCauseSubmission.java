package dev.changebot.slack.inbound;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.incident.ManageIncidents;
import dev.changebot.application.port.Incidents;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.SlackIds;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/** The change that caused an incident, submitted from its banner's form; a refusal is shown in the form. */
@Singleton
public class IncidentCauseSubmission implements ViewSubmissionHandler {

    private final ManageIncidents incidents;

    public IncidentCauseSubmission(ManageIncidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        var ref = Optional.ofNullable(payload.getView().getPrivateMetadata()).filter(r -> r.matches("INC-\\d{1,18}"));
        if (ref.isEmpty()) {
            return error(ctx, "This form is from an older Changebot; use `/change incident cause INC-n CHG-m` instead.");
        }
        var typed = Optional.ofNullable(payload.getView().getState().getValues().get(SlackIds.CAUSE_CHANGE))
                .map(actions -> actions.get(SlackIds.INPUT)).map(v -> v.getValue()).orElse("");
        var change = ChangeId.parse(typed);
        if (change.isEmpty()) {
            return error(ctx, "Give a change id like CHG-12.");
        }
        // Linking twice is harmless (the link is kept once), so a redelivered submission needs no ledger.
        var answer = incidents.linkAnswer(payload.getTeam().getId(), payload.getUser().getId(),
                Long.parseLong(ref.get().substring(4)), change.get(), Incidents.Link.CAUSE);
        return answer.done() ? ctx.ack() : error(ctx, answer.text());
    }

    private static Response error(ViewSubmissionContext ctx, String message) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(SlackIds.CAUSE_CHANGE, message)));
    }
}
