package dev.changebot.sandbox.standin;

import com.slack.api.app_backend.SlackSignature;
import dev.changebot.sandbox.SandboxAddress;
import dev.changebot.sandbox.SandboxCredentials;
import dev.changebot.sandbox.SandboxOn;
import dev.changebot.sandbox.workspace.Workspace;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends the bot what Slack would, the way Slack does: a POST to the real /slack/events over
 * loopback, signed with the sandbox's signing secret (v0 HMAC of the timestamp and raw body, at
 * real time: the bot's replay check runs on the wall clock). Slack gives up on an answer after 3
 * seconds; the stand-in waits longer (a cold JVM's first requests are slow) but says when the bot
 * was late, so the page shows what a person in Slack would have seen.
 */
@Singleton
@Requires(condition = SandboxOn.class)
public class BotDoor {

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";
    static final Duration SLACK_PATIENCE = Duration.ofSeconds(3);
    private static final Duration OUR_PATIENCE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SandboxAddress address;
    private final SlackSignature.Generator signer;
    private final Workspace workspace;
    private final Clock wallClock = Clock.systemUTC();

    BotDoor(SandboxAddress address, SandboxCredentials credentials, Workspace workspace) {
        this.address = address;
        this.signer = new SlackSignature.Generator(credentials.signingSecret());
        this.workspace = workspace;
    }

    /** The bot's answer; a failure to reach it at all is an answer with status 0. */
    public Answer send(String kind, String body, String contentType) {
        var timestamp = Long.toString(wallClock.instant().getEpochSecond());
        var request = HttpRequest.newBuilder(URI.create(address.loopbackUrl() + "/slack/events"))
                .timeout(OUR_PATIENCE)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signer.generate(timestamp, body))
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var took = Duration.ofNanos(System.nanoTime() - started);
            if (took.compareTo(SLACK_PATIENCE) > 0) {
                workspace.recordError(kind, "operation_timeout", "the bot answered after " + took.toMillis()
                        + " ms; Slack gives up after 3 s and tells the person the app did not respond");
            }
            var answer = new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
            if (answer.status() != 200) {
                workspace.recordError(kind, "http_" + answer.status(), answer.body());
            }
            return answer;
        } catch (IOException e) {
            workspace.recordError(kind, "unreachable", String.valueOf(e.getMessage()));
            return new Answer(0, String.valueOf(e.getMessage()), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", "");
        }
    }

    /** What /slack/events answered. */
    public record Answer(int status, String body, String contentType) {

        public boolean ok() {
            return status == 200;
        }
    }
}
