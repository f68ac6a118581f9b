package dev.changebot.slack.connection;

import com.slack.api.methods.MethodsClient;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import jakarta.inject.Singleton;

/**
 * Whether Slack answers our bot token, from a cached {@code auth.test}. Slack being down never
 * blocks start-up or a request: the check runs when asked and its answer is kept for a minute.
 */
@Singleton
public class SlackConnectionCheck {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final SlackSettings settings;
    private final SlackWebApi webApi;
    private final SlackApiBase apiBase;
    private final Clock clock;
    private final AtomicReference<Result> last = new AtomicReference<>();

    SlackConnectionCheck(SlackSettings settings, SlackWebApi webApi, SlackApiBase apiBase, Clock clock) {
        this.settings = settings;
        this.webApi = webApi;
        this.apiBase = apiBase;
        this.clock = clock;
    }

    public SlackMode mode() {
        return settings.mode();
    }

    /** What an operator must set before the app can hear Slack; empty when nothing is missing. */
    public String whatIsMissing() {
        return settings.whatIsMissing();
    }

    /** The latest answer, asking Slack again when the cached one is stale. */
    public Result current() {
        var cached = last.get();
        var now = clock.instant();
        if (cached != null && cached.checkedAt().plus(FRESH_FOR).isAfter(now)) {
            return cached;
        }
        return refresh();
    }

    /** Asks Slack now, whatever is cached, and keeps the answer. */
    public Result refresh() {
        var now = clock.instant();
        var fresh = webApi.client().map(client -> ask(client, now))
                .orElseGet(() -> new Result(false, null, null, settings.whatIsMissing(), now));
        last.set(fresh);
        return fresh;
    }

    private Result ask(MethodsClient client, Instant now) {
        try {
            var response = client.authTest(r -> r);
            if (response.isOk()) {
                return new Result(true, response.getTeam(), response.getUser(), null, now);
            }
            return new Result(false, null, null, "Slack refused the bot token: " + response.getError(), now);
        } catch (IOException e) {
            return new Result(false, null, null, "Slack is unreachable at " + apiBase.url() + ": " + describe(e), now);
        } catch (Exception e) {
            return new Result(false, null, null, "Slack did not answer auth.test: " + describe(e), now);
        }
    }

    /** A network failure in words: an unknown host says so rather than printing the bare host name. */
    private static String describe(Exception e) {
        if (e instanceof UnknownHostException) {
            return "the host name does not resolve (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** One answer from Slack: who we are there, or why we could not tell. */
    public record Result(boolean connected, String team, String botUser, String problem, Instant checkedAt) {
    }
}
