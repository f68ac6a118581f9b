package dev.changebot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.scheduling.GateSettler;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The app under the gate's test policy, a fake Slack and a clock the test moves, with the API spoken
 * to over real HTTP: tokens made in Slack by the platform lead, checks, long-polls, deployments.
 */
final class GateFixture implements AutoCloseable {

    static final String POLICY = "src/test/resources/policies/test-gate.yaml";
    static final String CHANNEL = "C0DEPLOYS";
    static final String ADMIN = "U0PLAT";
    static final String REQUESTER = "U0DEV";
    static final String REVIEWER = "U0REVIEW";
    /** Tuesday 10 March 2026, 10:00 UTC: inside the weekdays window. */
    static final Instant TUESDAY_10 = Instant.parse("2026-03-10T10:00:00Z");
    private static final Pattern TOKEN = Pattern.compile("cbt_[A-Za-z0-9_-]{43}");

    final MutableClock clock = new MutableClock(TUESDAY_10);
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GateFixture() {
        this(POLICY, TUESDAY_10);
    }

    GateFixture(String policy, Instant start) {
        this(policy, start, Map.of());
    }

    /** With more properties for the app (webhook secrets, say). */
    GateFixture(String policy, Instant start, Map<String, Object> extra) {
        clock.set(start);
        var properties = new java.util.HashMap<String, Object>(Map.of("changebot.policy", policy, "changebot.gate.poll", "0s"));
        properties.putAll(extra);
        // The settler's own poll stays out of the way: tests move the clock and settle by hand; commits still wake it.
        app = RunningApp.start(db, slack, properties, clock);
    }

    /** `/change text` by a user; the private answer's text. */
    String say(String user, String text) {
        var body = app.slack(SlackPayloads.slashCommand(user, CHANNEL, text), SlackPayloads.FORM).body();
        if (body.isBlank()) {
            return "";
        }
        var json = JsonParser.parseString(body).getAsJsonObject();
        return json.has("text") ? json.get("text").getAsString() : body;
    }

    /** A token made in Slack by the platform lead; its text, as the reply shows it once. */
    String token(String words) {
        var reply = say(ADMIN, "token create " + words);
        var matcher = TOKEN.matcher(reply);
        assertThat(matcher.find()).as("a token in: " + reply).isTrue();
        return matcher.group();
    }

    /** A normal change requested in the form, CHG-n, with its message posted. */
    void requestNormalChange() {
        var response = app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), ChangeForms.complete(clock.instant().plus(Duration.ofHours(1)))
                        .inClass("normal").state()), SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** The approve button on the change's message, clicked by {@code user}: a signed request, as Slack sends it. */
    void clickApprove(String user, long number) {
        var ts = db.rows("SELECT message_ts FROM change_request WHERE number = ?", number).get(0).get("message_ts");
        var response = app.slack(SlackPayloads.buttonClick(user, CHANNEL, String.valueOf(ts), SlackIds.APPROVE_BUTTON,
                ChangeRef.of(new ChangeId(number)).encode()), SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    HttpResponse<String> postCheck(String token, String key, String json) {
        return post("/api/v1/gate/checks", token, key, json);
    }

    HttpResponse<String> post(String path, String token, String key, String json) {
        var request = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request.build());
    }

    /** A POST with these headers and no token, as a webhook arrives. */
    HttpResponse<String> postWith(String path, Map<String, String> headers, String body) {
        var request = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> get(String path, String token) {
        var request = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** A long-poll started now, answered later: the test acts meanwhile and bounds its wait for the answer. */
    CompletableFuture<HttpResponse<String>> longPoll(String checkId, String token, int waitSeconds) {
        var request = HttpRequest.newBuilder(app.uri("/api/v1/gate/checks/" + checkId + "?wait=" + waitSeconds))
                .timeout(Duration.ofSeconds(waitSeconds + 10)).header("Authorization", "Bearer " + token).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    int settle() {
        return app.bean(GateSettler.class).settleNow();
    }

    /** Fires the change timers due at the test's clock (soaks ending), as the poller would, and delivers Slack's outbox. */
    void fireDueTimers() {
        for (var row : db.rows("SELECT id FROM change_timer WHERE status = 'PENDING' AND due_at <= ?",
                java.sql.Timestamp.from(clock.instant()))) {
            app.bean(dev.changebot.application.change.FireTimer.class).fire(((Number) row.get("id")).longValue());
        }
        app.deliverOutbox();
    }

    static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    static String state(HttpResponse<String> response) {
        return json(response).get("state").getAsString();
    }

    static String id(HttpResponse<String> response) {
        return json(response).get("id").getAsString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return app.uri(path);
    }

    @Override
    public void close() {
        app.close();
        slack.close();
    }
}
