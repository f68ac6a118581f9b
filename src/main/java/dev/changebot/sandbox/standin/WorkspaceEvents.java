package dev.changebot.sandbox.standin;

import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;

/**
 * What happens in the workspace that the bot subscribes to (its manifest's bot_events), delivered
 * as Events API event_callbacks: a person's reaction added or removed, the App Home opened.
 */
@Singleton
@Requires(condition = SandboxOn.class)
public class WorkspaceEvents {

    private final Workspace workspace;
    private final BotDoor bot;
    private final Clock wallClock = Clock.systemUTC();
    private long lastMicros;

    WorkspaceEvents(Workspace workspace, BotDoor bot) {
        this.workspace = workspace;
        this.bot = bot;
    }

    public Outcome react(String as, String channelRef, String ts, String name, boolean add) {
        try {
            var person = workspace.person(as);
            var channel = workspace.channel(channelRef);
            if (channel.isIm() && !channel.user().equals(as)) {
                throw new SlackRefusal("channel_not_found");
            }
            if (name == null || !name.matches("[a-z0-9_+'-]{1,100}")) {
                throw new SlackRefusal("invalid_name");
            }
            var message = workspace.react(channel.id(), ts, name, person.id(), add);
            var body = Payloads.reaction(add, person.id(), name, message.user(), channel.id(), ts, eventTs());
            return answered(bot.send(add ? "reaction_added" : "reaction_removed", body, BotDoor.JSON));
        } catch (SlackRefusal refusal) {
            return Outcome.failed(refusal.error());
        }
    }

    public Outcome openHome(String as) {
        try {
            var person = workspace.person(as);
            var dm = workspace.channel(person.id());
            var home = workspace.snapshot(as).home();
            var body = Payloads.appHomeOpened(person.id(), dm.id(), home == null ? null : SlackJson.view(home), eventTs());
            return answered(bot.send("app_home_opened", body, BotDoor.JSON));
        } catch (SlackRefusal refusal) {
            return Outcome.failed(refusal.error());
        }
    }

    private static Outcome answered(BotDoor.Answer answer) {
        return answer.ok() ? Outcome.done() : Outcome.failed(answer.status() == 0 ? "dispatch_failed"
                : "http_" + answer.status() + ": " + answer.body());
    }

    /** Unique per event: the event_id is made from it, and the bot dedupes on event ids. */
    private synchronized String eventTs() {
        long micros = Math.max(wallClock.millis() * 1000, lastMicros + 1);
        lastMicros = micros;
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }
}
