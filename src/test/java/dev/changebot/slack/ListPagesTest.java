package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** `/change list` a page at a time: the Next page button carries the last number shown and goes on from it. */
@Timeout(120)
class ListPagesTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String REVIEWER = "U0REVIEW";

    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack);

    @BeforeEach
    void sixtyFiveOpenChanges() {
        var form = ChangeForms.complete(Instant.now().plus(Duration.ofDays(1)));
        for (int i = 0; i < 65; i++) {
            // An hour apart: changes planned over each other would each record their conflicts, not the concern here.
            form.startingAt(Instant.now().plus(Duration.ofDays(1)).plus(Duration.ofHours(i)));
            app.slackUndelivered(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL,
                    ChangeRef.inChannel(CHANNEL).encode(), form.state()), SlackPayloads.FORM, Instant.now());
        }
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("the first page shows its changes in blocks too, with a Next page button after the last number shown")
    void firstPageOffersTheNext() {
        var ack = JsonParser.parseString(app.slack(SlashCommands.of(REVIEWER, CHANNEL, "list"), SlackPayloads.FORM).body())
                .getAsJsonObject();

        assertThat(ack.get("text").getAsString()).contains("*Open changes (65)* — page 1 of 3", "*CHG-30*")
                .doesNotContain("*CHG-31*");
        assertThat(sectionTexts(ack.getAsJsonArray("blocks"))).contains("*CHG-1*", "*CHG-30*").doesNotContain("*CHG-31*");
        assertThat(nextCursor(ack.getAsJsonArray("blocks"))).isEqualTo(new ListCursor(30, 2).encode());
    }

    @Test
    @DisplayName("Next page starts right after the last change shown, even when changes before it closed meanwhile")
    void nextPageIsReadFromTheCursor() {
        // Five changes of the second page close after the person saw the first: an offset would now skip five others.
        db.rows("UPDATE change_request SET state = 'CANCELLED' WHERE number BETWEEN 31 AND 35 RETURNING number");

        click(new ListCursor(30, 2).encode());

        var told = slack.calls("chat.postEphemeral");
        assertThat(told).singleElement().satisfies(call -> {
            assertThat(call.param("user")).isEqualTo(REVIEWER);
            assertThat(call.param("text")).contains("*Open changes (60)* — page 2 of 2", "*CHG-36*", "*CHG-65*")
                    .doesNotContain("*CHG-30*", "*CHG-35*", "more:");
            assertThat(call.actionIds()).isEmpty();
        });
    }

    @Test
    @DisplayName("a middle page offers the page after it, from its own last number")
    void middlePageOffersTheNext() {
        click(new ListCursor(30, 2).encode());

        var call = slack.calls("chat.postEphemeral").get(0);
        assertThat(call.param("text")).contains("page 2 of 3", "*CHG-31*", "*CHG-60*")
                .endsWith("…and 5 more: `/change list 3` shows the next 5.");
        assertThat(nextCursor(call.blocks())).isEqualTo(new ListCursor(60, 3).encode());
    }

    @Test
    @DisplayName("past 1,000 open changes the list says more than 1,000 and still offers the next page")
    void countStopsPastAThousand() {
        // 1,000 more open changes, copies of CHG-1 numbered 66 to 1,065: the form would take minutes.
        String columns = (String) db.rows("SELECT string_agg(column_name, ', ') AS c FROM information_schema.columns"
                + " WHERE table_name = 'change_request' AND column_name NOT IN ('id', 'number')").get(0).get("c");
        db.rows("INSERT INTO change_request (number, " + columns + ") SELECT n, " + columns
                + " FROM change_request, generate_series(66, 1065) AS n WHERE number = 1 RETURNING number");

        var ack = JsonParser.parseString(app.slack(SlashCommands.of(REVIEWER, CHANNEL, "list"), SlackPayloads.FORM).body())
                .getAsJsonObject();
        assertThat(ack.get("text").getAsString()).startsWith("*Open changes (more than 1,000)* — page 1\n")
                .contains("*CHG-30*").doesNotContain("*CHG-31*", " of ")
                .endsWith("…and more than 970 more: `/change list 2` shows the next 30.");
        assertThat(nextCursor(ack.getAsJsonArray("blocks"))).isEqualTo(new ListCursor(30, 2).encode());

        // A page far in counts a page past itself: more than 1,050 for page 34, exact once the count reaches the end.
        assertThat(listText("list 34")).startsWith("*Open changes (more than 1,050)* — page 34\n")
                .contains("*CHG-991*", "*CHG-1020*").endsWith("…and more than 30 more: `/change list 35` shows the next 30.");
        assertThat(listText("list 35")).startsWith("*Open changes (1065)* — page 35 of 36\n")
                .contains("*CHG-1021*", "*CHG-1050*").endsWith("…and 15 more: `/change list 36` shows the next 15.");

        click(new ListCursor(1030, 35).encode());
        assertThat(slack.calls("chat.postEphemeral")).singleElement().satisfies(call ->
                assertThat(call.param("text")).startsWith("*Open changes (more than 1,000)* — page 35\n")
                        .contains("*CHG-1031*", "*CHG-1060*").endsWith("…and 5 more: `/change list 36` shows the next 5."));
    }

    @Test
    @DisplayName("a button value we did not write is answered with the way back to the list")
    void unreadableCursor() {
        click("{\"v\":1,\"after\":\"thirty\"}");

        assertThat(slack.calls("chat.postEphemeral")).singleElement()
                .satisfies(call -> assertThat(call.param("text")).contains("`/change list` shows it again"));
    }

    private String listText(String command) {
        return JsonParser.parseString(app.slack(SlashCommands.of(REVIEWER, CHANNEL, command), SlackPayloads.FORM).body())
                .getAsJsonObject().get("text").getAsString();
    }

    private void click(String value) {
        var response = app.slack(SlackPayloads.buttonClick(REVIEWER, CHANNEL, "1700000000.000100",
                SlackIds.LIST_NEXT_BUTTON, value), SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String sectionTexts(JsonArray blocks) {
        var texts = new ArrayList<String>();
        blocks.forEach(b -> {
            var block = b.getAsJsonObject();
            if ("section".equals(block.get("type").getAsString())) {
                texts.add(block.getAsJsonObject("text").get("text").getAsString());
            }
        });
        return String.join("\n", texts);
    }

    private static String nextCursor(JsonArray blocks) {
        List<String> values = new ArrayList<>();
        blocks.forEach(b -> {
            var block = b.getAsJsonObject();
            if ("actions".equals(block.get("type").getAsString())) {
                block.getAsJsonArray("elements").forEach(e -> {
                    JsonObject button = e.getAsJsonObject();
                    if (SlackIds.LIST_NEXT_BUTTON.equals(button.get("action_id").getAsString())) {
                        values.add(button.get("value").getAsString());
                    }
                });
            }
        });
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
