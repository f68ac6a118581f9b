package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.OnPreset;
import dev.changebot.support.SlackPayloads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `/change calendar` end to end under POL-008 (Pacific time) read by someone in Berlin (the fake
 * Slack's users.info): days and times are the reader's, with UTC beside them.
 */
@Timeout(120)
class CalendarCommandTest extends OnPreset {

    /** Tuesday 1 December 2026, 08:00 in Los Angeles, 17:00 in Berlin. */
    static final Instant T0 = Instant.parse("2026-12-01T16:00:00Z");
    static final String CHANNEL = "C0DEPLOYS";
    static final String REQUESTER = "U0REQUEST";

    CalendarCommandTest() {
        super("pol-008", T0);
    }

    @Test
    @DisplayName("the next 7 days in the reader's zone: a change across Berlin's midnight on both days, windows, earliest starts")
    void nextSevenDays() {
        // 14:30–16:30 in Los Angeles: 23:30 to 01:30 in Berlin.
        submit(ChangeForms.complete(Instant.parse("2026-12-01T22:30:00Z")).inClass("standard").title("Rotate <keys>, now")
                .number(SlackIds.EXPECTED_DURATION, "120"));
        submit(ChangeForms.complete(Instant.parse("2026-12-02T18:00:00Z")).inClass("standard").title("Bump the CDN"));

        var ack = ask("calendar");

        var blocks = ack.getAsJsonArray("blocks");
        var texts = texts(blocks);
        assertThat(texts.get(0)).isEqualTo("Change calendar: the next 7 days");
        assertThat(String.join("\n", texts)).contains("your time zone, Europe/Berlin")
                // Standard: business hours open at 09:00 in Los Angeles; normal: 24 h notice, then Wednesday 10:00.
                .contains("• Standard change (pre-approved): Tue 1 Dec 18:00 (Tue 1 Dec 17:00 UTC)")
                .contains("• Normal change (manager approval): Wed 2 Dec 19:00 (Wed 2 Dec 18:00 UTC)");
        var tuesday = section(texts, "*Tue 1 Dec*");
        assertThat(tuesday).contains("*CHG-1* Rotate &lt;keys&gt;, now", "<@U0REQUEST>", "23:30–Wed 2 Dec 01:30 (22:30–Wed 2 Dec 00:30 UTC)",
                "approved", "Standard changes (Mon-Thu 9am-5pm PT) 18:00–Wed 2 Dec 02:00");
        var wednesday = section(texts, "*Wed 2 Dec*");
        assertThat(wednesday).contains("*CHG-1*", "*CHG-2* Bump the CDN", "19:00–19:45 (18:00–18:45 UTC)",
                "Normal changes (Tue-Wed 10am-3pm PT) 19:00–Thu 3 Dec 00:00");
        assertThat(wednesday.indexOf("CHG-1")).isLessThan(wednesday.indexOf("CHG-2"));
        assertThat(section(texts, "*Sat 5 Dec*")).contains("Scheduled maintenance (Saturday 2am-6am PT) 11:00–15:00 (10:00–14:00 UTC)");
        assertThat(String.join("\n", texts)).as("nothing on Sunday").doesNotContain("*Sun 6 Dec*");
        assertThat(ack.get("text").getAsString()).contains("2 scheduled changes");
    }

    @Test
    @DisplayName("a month stays within Slack's 50 blocks and 3000 characters a section, with the month-end blackout")
    void aMonth() {
        var ack = ask("calendar 2026-12");

        var blocks = ack.getAsJsonArray("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        var texts = texts(blocks);
        assertThat(texts).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
        assertThat(section(texts, "*Wed 30 Dec*")).contains(":snowflake: End-of-month blackout (financial close) (scheduled)");
    }

    @Test
    @DisplayName("a malformed or past period, or an unknown service, is answered with help")
    void badInput() {
        assertThat(ask("calendar 2026-13").get("text").getAsString()).contains("not a month", "`/change calendar [7d");
        assertThat(ask("calendar 2026-10").get("text").getAsString()).contains("2026-10 is over");
        assertThat(ask("calendar 90d").get("text").getAsString()).contains("1 to 31 days");
        assertThat(ask("calendar 7d 30d").get("text").getAsString()).contains("each at most once");
        assertThat(ask("calendar payments").get("text").getAsString()).contains("This policy names no services");
    }

    @Test
    @DisplayName("the App Home shows the next 7 days in the reader's zone")
    void appHome() {
        submit(ChangeForms.complete(Instant.parse("2026-12-02T18:00:00Z")).inClass("standard").title("Bump the CDN"));

        app.slack(SlackPayloads.appHomeOpened(REQUESTER), SlackPayloads.JSON);

        assertThat(slack.calls("views.publish")).singleElement().satisfies(call -> assertThat(call.json("view").toString())
                .contains("The next 7 days (Europe/Berlin)", "*CHG-1* Bump the CDN", "19:00–19:45"));
    }

    @Test
    @DisplayName("a request with conflicts is recorded, and the form turns into a warning listing them with the next free slot")
    void formWarning() {
        var quiet = submitted(ChangeForms.complete(Instant.parse("2026-12-02T18:00:00Z")).inClass("standard").title("Bump the CDN"));
        assertThat(quiet).as("no conflict: the form just closes").doesNotContain("response_action");

        var warned = submitted(ChangeForms.complete(Instant.parse("2026-12-02T18:30:00Z")).inClass("standard")
                .title("Rotate keys"));

        var answer = JsonParser.parseString(warned).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("update");
        var text = answer.getAsJsonObject("view").getAsJsonArray("blocks").get(0).getAsJsonObject()
                .getAsJsonObject("text").get("text").getAsString();
        assertThat(text).contains("Requested CHG-2", "• *same system* with *CHG-1*", "• *same person* with *CHG-1*",
                "Next free slot: <!date^" + Instant.parse("2026-12-02T18:45:00Z").getEpochSecond());
        assertThat(db.count("change_request")).isEqualTo(2);
    }

    @Test
    @DisplayName("/change conflicts lists every conflict with the other change and the overlap, and the next free slot")
    void conflicts() {
        submit(ChangeForms.complete(Instant.parse("2026-12-02T18:00:00Z")).inClass("standard").title("Bump the CDN"));
        submit(ChangeForms.complete(Instant.parse("2026-12-02T18:30:00Z")).inClass("standard").title("Rotate keys"));

        var text = ask("conflicts CHG-2").get("text").getAsString();

        assertThat(text).contains("*CHG-2*", "has 2 conflicts:",
                "• *same system* with *CHG-1* Bump the CDN (<@U0REQUEST>) — overlap <!date^"
                        + Instant.parse("2026-12-02T18:30:00Z").getEpochSecond(),
                "• *same person* with *CHG-1*",
                "Next free slot: <!date^" + Instant.parse("2026-12-02T18:45:00Z").getEpochSecond());
        assertThat(ask("conflicts CHG-1").get("text").getAsString()).contains("has 2 conflicts", "with *CHG-2*");
        assertThat(ask("conflicts CHG-9").get("text").getAsString()).contains("CHG-9");
        assertThat(ask("conflicts").get("text").getAsString()).contains("needs a change id");
    }

    private String submitted(ChangeForms form) {
        return app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), form.state()), SlackPayloads.FORM).body();
    }

    private void submit(ChangeForms form) {
        var response = app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), form.state()), SlackPayloads.FORM);
        assertThat(response.body()).as("the form is accepted").doesNotContain("\"errors\"");
    }

    private JsonObject ask(String text) {
        return JsonParser.parseString(app.slack(SlashCommands.of(REQUESTER, CHANNEL, text), SlackPayloads.FORM).body())
                .getAsJsonObject();
    }

    private static String section(List<String> texts, String heading) {
        return texts.stream().filter(t -> t.startsWith(heading)).findFirst().orElseThrow(
                () -> new AssertionError("no section " + heading + " in " + texts));
    }

    private static List<String> texts(JsonArray blocks) {
        var texts = new ArrayList<String>();
        for (var block : blocks) {
            var object = block.getAsJsonObject();
            if (object.has("text")) {
                texts.add(object.getAsJsonObject("text").get("text").getAsString());
            } else if (object.has("elements")) {
                object.getAsJsonArray("elements").forEach(e -> {
                    if (e.getAsJsonObject().has("text")) {
                        texts.add(e.getAsJsonObject().get("text").getAsString());
                    }
                });
            }
        }
        return texts;
    }
}
