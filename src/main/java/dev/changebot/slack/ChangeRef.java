package dev.changebot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The typed, versioned payload we put in every button's value and every modal's private metadata.
 * It only names things (which change, which channel, which deployment or follow-up of the change):
 * who may act is always decided on the server, from the signed payload's user id. A field the
 * payload does not name is null.
 */
public record ChangeRef(ChangeId changeId, String channelId, Deployment deployment, String obligation) {

    static final int VERSION = 1;

    /** What a Deployed button reports: an environment and, for a step of a staged rollout, its percentage. */
    public record Deployment(String environment, OptionalInt percent) {

        public Deployment {
            if (environment == null || environment.isBlank()) {
                throw new IllegalArgumentException("A deployment names its environment");
            }
            if (percent.isPresent() && (percent.getAsInt() < 1 || percent.getAsInt() > 100)) {
                throw new IllegalArgumentException("A rollout step is between 1 and 100 percent, got " + percent.getAsInt());
            }
        }
    }

    public static ChangeRef of(ChangeId changeId) {
        return new ChangeRef(changeId, null, null, null);
    }

    public static ChangeRef inChannel(String channelId) {
        return new ChangeRef(null, channelId, null, null);
    }

    /** The Deployed button of {@code changeId}: "deployed to {@code environment}" (at {@code percent}). */
    public static ChangeRef deployment(ChangeId changeId, String environment, OptionalInt percent) {
        return new ChangeRef(changeId, null, new Deployment(environment, percent), null);
    }

    /** One follow-up of {@code changeId}, by the name the policy gives it: its Satisfy button and form. */
    public static ChangeRef obligation(ChangeId changeId, String obligation) {
        if (obligation == null || obligation.isBlank()) {
            throw new IllegalArgumentException("A follow-up has a name");
        }
        return new ChangeRef(changeId, null, null, obligation);
    }

    public boolean namesChange() {
        return changeId != null;
    }

    public boolean namesDeployment() {
        return changeId != null && deployment != null;
    }

    public boolean namesObligation() {
        return changeId != null && obligation != null;
    }

    /**
     * JSON with short keys, since Slack caps a button value at 2,000 characters and private
     * metadata at 3,000 (SlackLimits): what carries text from the policy file checks the length.
     */
    public String encode() {
        var json = new JsonObject();
        json.addProperty("v", VERSION);
        if (changeId != null) {
            json.addProperty("change", changeId.toString());
        }
        if (channelId != null) {
            json.addProperty("channel", channelId);
        }
        if (deployment != null) {
            json.addProperty("env", deployment.environment());
            deployment.percent().ifPresent(percent -> json.addProperty("pct", percent));
        }
        if (obligation != null) {
            json.addProperty("obl", obligation);
        }
        return json.toString();
    }

    /**
     * Empty for anything we did not write: a payload of a future version, a pipe-separated value
     * of an older message, a field that is not what we write there.
     */
    public static Optional<ChangeRef> decode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            var json = JsonParser.parseString(text).getAsJsonObject();
            if (!json.has("v") || json.get("v").getAsInt() != VERSION) {
                return Optional.empty();
            }
            var change = json.has("change") ? ChangeId.parse(json.get("change").getAsString()).orElse(null) : null;
            var channel = json.has("channel") ? json.get("channel").getAsString() : null;
            var deployment = json.has("env") ? new Deployment(string(json.get("env")), percent(json.get("pct"))) : null;
            if (deployment == null && json.has("pct")) {
                return Optional.empty();
            }
            var obligation = json.has("obl") ? string(json.get("obl")) : null;
            if (obligation != null && obligation.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new ChangeRef(change, channel, deployment, obligation));
        } catch (RuntimeException notOurs) {
            return Optional.empty();
        }
    }

    private static String string(JsonElement element) {
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("not a string: " + element);
        }
        return element.getAsString();
    }

    private static OptionalInt percent(JsonElement element) {
        if (element == null) {
            return OptionalInt.empty();
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()
                || !element.getAsString().matches("\\d{1,3}")) {
            throw new IllegalArgumentException("not a whole percentage: " + element);
        }
        return OptionalInt.of(element.getAsInt());
    }
}
