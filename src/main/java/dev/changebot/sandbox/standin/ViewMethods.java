package dev.changebot.sandbox.standin;

import com.google.gson.JsonObject;
import dev.changebot.sandbox.workspace.OpenView;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;

/** views.*: modals opened with a live trigger, pushed, updated by id and hash; the App Home. */
final class ViewMethods {

    private final Workspace workspace;

    ViewMethods(Workspace workspace) {
        this.workspace = workspace;
    }

    JsonObject open(Params p) {
        var user = workspace.userOfTrigger(p.require("trigger_id", "invalid_trigger_id"));
        var view = modal(p);
        return answer(workspace.openModal(user, view));
    }

    JsonObject push(Params p) {
        var user = workspace.userOfTrigger(p.require("trigger_id", "invalid_trigger_id"));
        var view = modal(p);
        return answer(workspace.pushModal(user, view));
    }

    JsonObject update(Params p) {
        var view = p.view();
        BlockKitRules.checkView(view);
        if (p.get("view_id") == null && p.get("external_id") == null) {
            throw new SlackRefusal("invalid_arguments", java.util.List.of("[ERROR] view_id or external_id is required"));
        }
        return answer(workspace.updateView(p.get("view_id"), p.get("external_id"), p.get("hash"), view));
    }

    JsonObject publish(Params p) {
        var user = p.require("user_id", "invalid_arguments");
        workspace.person(user);
        var view = p.view();
        BlockKitRules.checkView(view);
        if (!"home".equals(view.get("type").getAsString())) {
            throw new SlackRefusal("invalid_arguments", java.util.List.of("[ERROR] must be home [json-pointer:/view/type]"));
        }
        return answer(workspace.publishHome(user, p.get("hash"), view));
    }

    private static JsonObject modal(Params p) {
        var view = p.view();
        BlockKitRules.checkView(view);
        if (!"modal".equals(view.get("type").getAsString())) {
            throw new SlackRefusal("invalid_arguments", java.util.List.of("[ERROR] must be modal [json-pointer:/view/type]"));
        }
        return view;
    }

    private static JsonObject answer(OpenView view) {
        var json = new JsonObject();
        json.add("view", SlackJson.view(view));
        return json;
    }
}
