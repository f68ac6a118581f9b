package dev.changebot.support;

import com.google.gson.JsonObject;
import dev.changebot.slack.SlackIds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** New-change modal submissions in domain words: a complete one, then variations of it. */
public final class ChangeForms {

    private final Map<String, JsonObject> values = new LinkedHashMap<>();

    private ChangeForms(Instant start) {
        values.put(SlackIds.TITLE, SlackPayloads.textValue("Upgrade payments-api to 2.4"));
        values.put(SlackIds.DESCRIPTION, SlackPayloads.textValue("Rolls out the new retry logic for card captures."));
        values.put(SlackIds.JUSTIFICATION, SlackPayloads.textValue("Cuts failed captures by half."));
        values.put(SlackIds.SYSTEMS_AFFECTED, SlackPayloads.textValue("payments-api, checkout"));
        values.put(SlackIds.ENVIRONMENT, SlackPayloads.selectValue("production"));
        values.put(SlackIds.RISK, SlackPayloads.selectValue("MEDIUM"));
        values.put(SlackIds.IMPLEMENTATION_PLAN, SlackPayloads.textValue("Helm upgrade, canary 10% then 100%."));
        values.put(SlackIds.ROLLBACK_PLAN, SlackPayloads.textValue("helm rollback payments-api"));
        values.put(SlackIds.TESTING_EVIDENCE, SlackPayloads.textValue("CI run 4812 green; staging soak 2 h."));
        values.put(SlackIds.PROPOSED_START, SlackPayloads.dateTimeValue(start.getEpochSecond()));
        values.put(SlackIds.EXPECTED_DURATION, SlackPayloads.numberValue("45"));
    }

    /** Everything a reviewer needs, starting at {@code start}. */
    public static ChangeForms complete(Instant start) {
        return new ChangeForms(start);
    }

    /** Another planned start (the form keeps every other answer). */
    public ChangeForms startingAt(Instant start) {
        values.put(SlackIds.PROPOSED_START, SlackPayloads.dateTimeValue(start.getEpochSecond()));
        return this;
    }

    public ChangeForms title(String title) {
        values.put(SlackIds.TITLE, SlackPayloads.textValue(title));
        return this;
    }

    public ChangeForms text(String blockId, String value) {
        values.put(blockId, SlackPayloads.textValue(value));
        return this;
    }

    public ChangeForms number(String blockId, String value) {
        values.put(blockId, SlackPayloads.numberValue(value));
        return this;
    }

    /** Chooses a class of the policy in the form's class menu. */
    public ChangeForms inClass(String changeClass) {
        values.put(SlackIds.CHANGE_CLASS, SlackPayloads.selectValue(changeClass));
        return this;
    }

    /** Chooses a service of the policy in the form's service menu (shown when the policy names services). */
    public ChangeForms forService(String service) {
        values.put(SlackIds.SERVICE, SlackPayloads.selectValue(service));
        return this;
    }

    /** Chooses a row of the policy's approval matrix ("category/type") in the form's type menu. */
    public ChangeForms ofType(String categoryAndType) {
        values.put(SlackIds.CHANGE_TYPE, SlackPayloads.selectValue(categoryAndType));
        return this;
    }

    /** Chooses an environment of the policy in the form's environment menu (production by default). */
    public ChangeForms inEnvironment(String environment) {
        values.put(SlackIds.ENVIRONMENT, SlackPayloads.selectValue(environment));
        return this;
    }

    public ChangeForms without(String blockId) {
        values.remove(blockId);
        return this;
    }

    public JsonObject state() {
        return SlackPayloads.state(values, SlackIds.INPUT);
    }
}
