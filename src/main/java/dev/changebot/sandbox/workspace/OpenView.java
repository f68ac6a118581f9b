package dev.changebot.sandbox.workspace;

import com.google.gson.JsonObject;
import java.util.Map;

/**
 * A modal in someone's stack or their App Home, as the stand-in keeps it: the view exactly as the
 * bot sent it, Slack's bookkeeping (id, hash, root and previous view), the values typed so far
 * and the errors the bot last answered a submission with.
 */
public record OpenView(String id, String type, String user, String hash, String rootViewId, String previousViewId,
                       JsonObject view, JsonObject values, Map<String, String> errors) {

    public OpenView {
        errors = Map.copyOf(errors);
    }

    public String callbackId() {
        return string("callback_id");
    }

    public String privateMetadata() {
        return string("private_metadata");
    }

    public String externalId() {
        return string("external_id");
    }

    public boolean notifyOnClose() {
        return view.has("notify_on_close") && view.get("notify_on_close").getAsBoolean();
    }

    OpenView withErrors(Map<String, String> newErrors) {
        return new OpenView(id, type, user, hash, rootViewId, previousViewId, view, values, newErrors);
    }

    OpenView withValues(JsonObject newValues) {
        return new OpenView(id, type, user, hash, rootViewId, previousViewId, view, newValues, errors);
    }

    private String string(String name) {
        return view.has(name) && view.get(name).isJsonPrimitive() ? view.get(name).getAsString() : "";
    }
}
