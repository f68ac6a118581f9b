package dev.changebot.sandbox.standin;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.sandbox.SandboxAddress;
import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * What a person types in the page's composer: "/command rest" goes to the bot as Slack sends a
 * slash command (its immediate answer shown as Slack shows it); anything else is a message of
 * theirs in the channel (the bot subscribes to no message events, so it is not told).
 */
@Singleton
@Requires(condition = SandboxOn.class)
public class SlashCommands {

    /** Slack's limit on what the message box takes. */
    static final int MAX_TEXT = 40_000;

    private final Workspace workspace;
    private final BotDoor bot;
    private final ResponseUrls responseUrls;
    private final ResponseUrlPosts responses;
    private final SandboxAddress address;

    SlashCommands(Workspace workspace, BotDoor bot, ResponseUrls responseUrls, ResponseUrlPosts responses,
                  SandboxAddress address) {
        this.workspace = workspace;
        this.bot = bot;
        this.responseUrls = responseUrls;
        this.responses = responses;
        this.address = address;
    }

    public Outcome type(String as, String channelRef, String text, String threadTs) {
        try {
            var person = workspace.person(as);
            var channel = workspace.channel(channelRef);
            if (channel.isIm() && !channel.user().equals(as)) {
                return Outcome.failed("channel_not_found");
            }
            if (text == null || text.isBlank()) {
                return Outcome.failed("no_text");
            }
            if (text.length() > MAX_TEXT) {
                workspace.recordError("chat.postMessage", "msg_too_long", "the message is over " + MAX_TEXT + " characters");
                return Outcome.failed("msg_too_long");
            }
            var trimmed = text.strip();
            if (!trimmed.startsWith("/")) {
                workspace.post(channel.id(), person.id(), null,
                        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), null, threadTs);
                return Outcome.done();
            }
            int space = trimmed.indexOf(' ');
            var command = space < 0 ? trimmed : trimmed.substring(0, space);
            var rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
            var escaped = CommandText.escape(rest, workspace.people(), workspace.groups(),
                    workspace.snapshot(as).channels());
            var token = responseUrls.issue(person.id(), channel.id(), null, false);
            var body = Payloads.slashCommand(person, channel, command, escaped,
                    address.loopbackUrl() + "/sandbox/slack/respond/" + token, workspace.issueTrigger(person.id()));
            var answer = bot.send(command, body, BotDoor.FORM);
            if (!answer.ok()) {
                // Slack tells the person "/change failed with the error ..." only they see.
                var error = answer.status() == 0 ? "dispatch_failed" : "http_" + answer.status();
                workspace.postEphemeral(channel.id(), person.id(), command + " failed with the error \"" + error + "\"", null);
                return Outcome.failed(error + ": " + answer.body());
            }
            if (!answer.body().isBlank()) {
                applyImmediateAnswer(person.id(), channel.id(), command + (rest.isEmpty() ? "" : " " + rest),
                        answer.body(), answer.contentType());
            }
            return Outcome.done();
        } catch (SlackRefusal refusal) {
            return Outcome.failed(refusal.error());
        }
    }

    /**
     * A JSON answer is a message (ephemeral unless in_channel); plain text is an ephemeral of that
     * text. An in_channel answer shares the command as typed too, as Slack does.
     */
    private void applyImmediateAnswer(String user, String channel, String typed, String body, String contentType) {
        JsonObject json;
        if (contentType.startsWith("application/json")) {
            json = JsonParser.parseString(body).getAsJsonObject();
        } else {
            json = new JsonObject();
            json.addProperty("text", body);
        }
        if (json.has("response_type") && "in_channel".equals(json.get("response_type").getAsString())) {
            workspace.post(channel, user, null, typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
                    null, null);
        }
        responses.apply(user, channel, null, false, json, "slash command answer");
    }

}
