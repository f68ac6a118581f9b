package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The longest things people can enter, and the longest lists a workspace can build up, against
 * Slack's size limits. The fake Slack refuses what real Slack refuses (a refusal fails the test
 * when it closes) and every ack is checked too; here we also check what the person is shown.
 */
@Timeout(120)
class SlackLimitsTest {

    static final String POLICY = "src/test/resources/policies/test-limits.yaml";
    static final String CHANNEL = "C0DEPLOYS";
    static final String REQUESTER = "U0REQUEST";
    static final String REVIEWER = "U0ALICE";
    /** Mrkdwn that only a person could have put there: if it is live in what we send, it pings or links. */
    static final List<String> LIVE_USER_SYNTAX = List.of("<!here>", "<!subteam", "<https://evil", "<@U0BOB>");

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T10:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack, Map.of("changebot.policy", POLICY), clock);

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("a change with every field at its longest, sixty steps and a long rejection fits its message, /change show and the Home")
    void longestChange() {
        var form = ChangeForms.complete(clock.instant().plus(Duration.ofDays(1))).inClass("long")
                .title(dev.changebot.support.Noise.codePoints(150));
        for (var field : List.of(SlackIds.DESCRIPTION, SlackIds.JUSTIFICATION, SlackIds.SYSTEMS_AFFECTED,
                SlackIds.IMPLEMENTATION_PLAN, SlackIds.ROLLBACK_PLAN, SlackIds.TESTING_EVIDENCE)) {
            form.text(field, dev.changebot.support.Noise.chars(3000));
        }
        submit(form, CHANNEL);
        // Another channel: posts to one channel are paced at one a second. A day later: at the same time the
        // two would conflict, and CHG-1's message would be refreshed again when CHG-2 is rejected.
        submit(form.startingAt(clock.instant().plus(Duration.ofDays(2))), "C0OTHER");
        say(REVIEWER, "approve CHG-1");
        say("U0BOB", "approve CHG-1");
        say(REVIEWER, "reject CHG-2 " + dev.changebot.support.Noise.asSlackSends(3000));

        var posted = slack.calls("chat.postMessage");
        assertThat(posted).hasSize(2);
        var updates = slack.calls("chat.update");
        assertThat(updates).isNotEmpty();
        var latest = updates.get(updates.size() - 1).blocks();
        assertSafe(latest);
        assertThat(latest.toString()).contains("Step 60 of the long approval chain").contains("Rejected by");
        assertThat(firstText(posted.get(0).blocks(), "header")).endsWith("…").hasSizeLessThanOrEqualTo(150);

        var show = ack(say(REQUESTER, "show CHG-1"));
        assertSafe(show.get("blocks"));
        assertThat(show.get("blocks").toString()).contains("Step 60 of the long approval chain");

        app.slack(SlackPayloads.appHomeOpened(REQUESTER), SlackPayloads.JSON);
        var home = slack.calls("views.publish");
        assertThat(home).singleElement().satisfies(call -> {
            assertSafe(call.json("view"));
            assertThat(call.json("view").toString()).contains("*CHG-1*");
        });
        assertThat(slack.takeRefusals()).isEmpty();
    }

    @Test
    @DisplayName("200 open changes: /change list pages with \"and N more\", the Home shows 16, then points to the list")
    void manyOpenChanges() {
        var form = ChangeForms.complete(clock.instant().plus(Duration.ofDays(1))).inClass("long").title(dev.changebot.support.Noise.codePoints(150));
        for (int i = 0; i < 200; i++) {
            // An hour apart: changes planned over each other would each record their conflicts, not the concern here.
            form.startingAt(clock.instant().plus(Duration.ofDays(1)).plus(Duration.ofHours(i)));
            app.slackUndelivered(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL,
                    ChangeRef.inChannel(CHANNEL).encode(), form.state()), SlackPayloads.FORM, Instant.now());
        }

        var first = text(say(REVIEWER, "list"));
        assertThat(first).contains("*Open changes (200)* — page 1 of 7", "*CHG-30*")
                .doesNotContain("*CHG-31*").endsWith("…and 170 more: `/change list 2` shows the next 30.");
        var last = text(say(REVIEWER, "list 7"));
        assertThat(last).contains("page 7 of 7", "*CHG-181*", "*CHG-200*").doesNotContain("more:");
        LIVE_USER_SYNTAX.forEach(s -> assertThat(first).doesNotContain(s));

        app.slack(SlackPayloads.appHomeOpened(REQUESTER), SlackPayloads.JSON);
        app.slack(SlackPayloads.appHomeOpened(REVIEWER), SlackPayloads.JSON);

        var homes = slack.calls("views.publish");
        assertThat(homes).hasSize(2).allSatisfy(call -> {
            assertSafe(call.json("view"));
            assertThat(call.json("view").toString()).contains("…and 184 more. `/change list` shows every open change.");
        });
        assertThat(slack.takeRefusals()).isEmpty();
    }

    @Test
    @DisplayName("200 declared freezes with the longest reasons: the Home and /change freeze list say how many more")
    void manyLongFreezes() {
        var declared = text(say(REVIEWER, "freeze start " + dev.changebot.support.Noise.asSlackSends(2900)));
        assertThat(declared).startsWith("Freeze declared: ");
        LIVE_USER_SYNTAX.forEach(s -> assertThat(declared).doesNotContain(s));
        for (int i = 1; i < 200; i++) {
            say(REVIEWER, "freeze start " + dev.changebot.support.Noise.asSlackSends(300));
        }

        app.slack(SlackPayloads.appHomeOpened(REVIEWER), SlackPayloads.JSON);

        assertThat(slack.calls("views.publish")).singleElement().satisfies(call -> {
            assertSafe(call.json("view"));
            assertThat(call.json("view").toString()).containsPattern("…and \\d+ more. `/change freeze list` shows the declared freezes.");
        });
        var list = text(say(REVIEWER, "freeze list"));
        assertThat(list).contains("(200) — page 1 of 7").endsWith("…and 170 more: `/change freeze list 2` shows the next 30.");
        assertThat(slack.takeRefusals()).isEmpty();
    }

    @Test
    @DisplayName("an emergency with the longest summary and 40 follow-ups fits its announcement, /change show and the Home")
    void longEmergency() {
        var answer = text(say(REVIEWER, "emergency " + dev.changebot.support.Noise.asSlackSends(3000)));
        assertThat(answer).startsWith("Declared CHG-1.");

        var announcement = slack.calls("chat.postMessage");
        assertThat(announcement).singleElement().satisfies(call -> {
            assertSafe(call.blocks());
            assertThat(call.blocks().toString()).contains("*Summary*", "Follow-up 40",
                    "meet the others with `/change satisfy CHG-1 &lt;follow-up&gt;`");
            assertThat(call.actionIds()).hasSize(5);
        });
        assertSafe(ack(say(REVIEWER, "show CHG-1")).get("blocks"));
        app.slack(SlackPayloads.appHomeOpened(REVIEWER), SlackPayloads.JSON);
        assertThat(slack.takeRefusals()).isEmpty();
        assertThat(slack.calls("views.publish")).hasSize(1);
    }

    @Test
    @DisplayName("the follow-up form opens within a modal's limits, and takes the longest answer")
    void satisfyFormAtItsLongest() {
        say(REVIEWER, "emergency Roll back the bad config");
        slack.clear();

        say("U0BOB", "satisfy CHG-1 follow-up-07");
        var modal = slack.calls("views.open");
        assertThat(modal).singleElement().satisfies(call -> assertSafe(call.json("view")));
        var state = new java.util.LinkedHashMap<String, JsonObject>();
        state.put(SlackIds.ANSWER_PREFIX + "what_changed", SlackPayloads.textValue(dev.changebot.support.Noise.chars(3000)));
        app.slack(SlackPayloads.viewSubmission("U0BOB", SlackIds.SATISFY_MODAL,
                ChangeRef.obligation(new ChangeId(1), "follow-up-07").encode(),
                SlackPayloads.state(state, SlackIds.INPUT)), SlackPayloads.FORM);

        assertThat(db.rows("SELECT count(*) AS n FROM change_event WHERE type = 'ObligationSatisfied'"))
                .singleElement().satisfies(r -> assertThat(((Number) r.get("n")).intValue()).isEqualTo(1));
        assertThat(slack.takeRefusals()).isEmpty();
    }

    private void submit(ChangeForms form, String channel) {
        app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(channel).encode(),
                form.state()), SlackPayloads.FORM);
    }

    private java.net.http.HttpResponse<String> say(String user, String text) {
        return app.slack(SlashCommands.of(user, CHANNEL, text), SlackPayloads.FORM);
    }

    private static JsonObject ack(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static String text(java.net.http.HttpResponse<String> response) {
        return ack(response).get("text").getAsString();
    }

    private static String firstText(com.google.gson.JsonArray blocks, String type) {
        for (var block : blocks) {
            if (block.getAsJsonObject().get("type").getAsString().equals(type)) {
                return block.getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
            }
        }
        throw new AssertionError("no " + type + " block");
    }

    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!amp;|lt;|gt;)");
    private static final Pattern OUR_OWN_SYNTAX = Pattern.compile("<(?:@U[A-Z0-9]+|!date\\^[^<>]*)>");

    /**
     * What a person typed is never live in what we send, and cutting it broke nothing: every mrkdwn
     * text has whole entities and only our own mentions and dates, and no string holds half an emoji.
     */
    static void assertSafe(JsonElement json) {
        var mrkdwn = new ArrayList<String>();
        var all = new ArrayList<String>();
        collect(json, mrkdwn, all);
        for (var text : mrkdwn) {
            assertThat(BARE_AMPERSAND.matcher(text).find()).as("a bare & in %s", text).isFalse();
            var rest = OUR_OWN_SYNTAX.matcher(text).replaceAll("");
            assertThat(rest).as("live syntax from user text").doesNotContain("<", ">");
        }
        for (var text : all) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).as("half an emoji").isTrue();
                    i++;
                } else {
                    assertThat(Character.isLowSurrogate(c)).as("half an emoji").isFalse();
                }
            }
        }
    }

    private static void collect(JsonElement json, List<String> mrkdwn, List<String> all) {
        if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(e -> collect(e, mrkdwn, all));
        } else if (json.isJsonObject()) {
            var object = json.getAsJsonObject();
            if (object.has("type") && object.get("type").isJsonPrimitive() && "mrkdwn".equals(object.get("type").getAsString())
                    && object.has("text")) {
                mrkdwn.add(object.get("text").getAsString());
            }
            object.entrySet().forEach(e -> collect(e.getValue(), mrkdwn, all));
        } else if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString()) {
            all.add(json.getAsString());
        }
    }
}
