package dev.changebot.sandbox.standin;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.workspace.OpenView;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A modal submitted or closed, as Slack does it: view_submission with the values typed, and the
 * bot's answer honoured (nothing: the view closes; {@code errors}: they show under their blocks and
 * the modal stays; {@code update}, {@code push}, {@code clear}); view_closed only when the view asked
 * for {@code notify_on_close}.
 */
@Singleton
@Requires(condition = SandboxOn.class)
public class ViewSubmissions {

    private final Workspace workspace;
    private final BotDoor bot;

    ViewSubmissions(Workspace workspace, BotDoor bot) {
        this.workspace = workspace;
        this.bot = bot;
    }

    public Outcome submit(String as, String viewId, JsonObject values) {
        try {
            var view = topModalOf(as, viewId);
            view = workspace.keepValues(viewId, values == null ? new JsonObject() : values);
            var person = workspace.person(as);
            var body = Payloads.viewSubmission(person, SlackJson.view(view), workspace.issueTrigger(as));
            var answer = bot.send("view_submission", body, BotDoor.FORM);
            if (!answer.ok()) {
                // Slack keeps the modal open and says it could not reach the app.
                return Outcome.failed(answer.status() == 0 ? "dispatch_failed" : "http_" + answer.status() + ": " + answer.body());
            }
            return honour(as, view, answer.body());
        } catch (SlackRefusal refusal) {
            return Outcome.failed(refusal.error());
        }
    }

    public Outcome close(String as, String viewId) {
        try {
            var view = topModalOf(as, viewId);
            if (view.notifyOnClose()) {
                var answer = bot.send("view_closed", Payloads.viewClosed(workspace.person(as), SlackJson.view(view), false),
                        BotDoor.FORM);
                if (!answer.ok()) {
                    workspace.closeTopModal(as);
                    return Outcome.failed("http_" + answer.status());
                }
            }
            workspace.closeTopModal(as);
            return new Outcome(true, null, true, Map.of());
        } catch (SlackRefusal refusal) {
            return Outcome.failed(refusal.error());
        }
    }

    private Outcome honour(String as, OpenView view, String body) {
        JsonObject answer = null;
        if (body != null && !body.isBlank()) {
            try {
                answer = JsonParser.parseString(body).getAsJsonObject();
            } catch (RuntimeException notJson) {
                workspace.recordError("view_submission", "invalid_response", "the answer is not a JSON object");
                return Outcome.failed("invalid_response");
            }
        }
        var action = answer != null && answer.has("response_action") ? answer.get("response_action").getAsString() : "";
        switch (action) {
            case "errors" -> {
                var errors = new LinkedHashMap<String, String>();
                answer.getAsJsonObject("errors").entrySet().forEach(e -> errors.put(e.getKey(), e.getValue().getAsString()));
                workspace.showErrors(view.id(), errors);
                return new Outcome(true, null, false, errors);
            }
            case "update" -> {
                var replacement = answer.getAsJsonObject("view");
                checkedView(replacement, "view_submission response_action update");
                workspace.updateView(view.id(), null, null, replacement);
                return new Outcome(true, null, false, Map.of());
            }
            case "push" -> {
                var pushed = answer.getAsJsonObject("view");
                checkedView(pushed, "view_submission response_action push");
                workspace.pushModal(as, pushed);
                return new Outcome(true, null, false, Map.of());
            }
            case "clear" -> {
                workspace.clearModals(as);
                return new Outcome(true, null, true, Map.of());
            }
            default -> {
                workspace.closeTopModal(as);
                return new Outcome(true, null, true, Map.of());
            }
        }
    }

    private void checkedView(JsonObject view, String method) {
        try {
            BlockKitRules.checkView(view);
        } catch (SlackRefusal refusal) {
            workspace.recordError(method, refusal.error(), String.join("\n", refusal.messages()));
            throw refusal;
        }
    }

    /** Only the modal on top of the person's own stack can be submitted or closed. */
    private OpenView topModalOf(String as, String viewId) {
        var stack = workspace.snapshot(as).views();
        if (stack.isEmpty() || !stack.get(stack.size() - 1).id().equals(viewId)) {
            throw new SlackRefusal("not_found", java.util.List.of("[ERROR] " + viewId + " is not the modal on top"));
        }
        return stack.get(stack.size() - 1);
    }
}
