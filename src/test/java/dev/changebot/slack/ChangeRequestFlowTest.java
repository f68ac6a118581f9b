package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackCall;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A change request from `/change new` to approval, over signed HTTP with the fake Slack. */
class ChangeRequestFlowTest {

    static final String REQUESTER = "U0REQUEST";
    static final String REVIEWER = "U0REVIEW";
    static final String CHANNEL = "C0DEPLOYS";

    static FakeSlackApi slack;
    TestDatabase db;
    RunningApp app;

    @BeforeAll
    static void startSlack() {
        slack = FakeSlackApi.start();
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void startApp() {
        slack.clear();
        db = TestPostgres.freshDatabase();
        app = RunningApp.start(db, slack);
    }

    @org.junit.jupiter.api.AfterEach
    void stopApp() {
        app.close();
    }

    @Test
    @DisplayName("/change new opens the form on the request path, prefilled with the title")
    void newOpensTheForm() {
        var response = app.slack(SlashCommands.of(REQUESTER, CHANNEL, "new Upgrade payments-api"), SlackPayloads.FORM);

        assertThat(response.statusCode()).isEqualTo(200);
        var open = slack.calls("views.open");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).param("trigger_id")).isNotBlank();
        var view = open.get(0).json("view").getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo(SlackIds.NEW_CHANGE_MODAL);
        assertThat(view.toString()).contains("Upgrade payments-api");
        assertThat(ChangeRef.decode(view.get("private_metadata").getAsString()).orElseThrow().channelId())
                .isEqualTo(CHANNEL);
    }

    @Test
    @DisplayName("a valid form stores CHG-1 with its event and posts it to the channel with Approve / Reject")
    void submittingStoresAndPosts() {
        var response = submit(ChangeForms.complete(inAnHour()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("errors");
        var stored = db.rows("SELECT number, state, requester_id, title, message_ts FROM change_request");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).containsEntry("number", 1L).containsEntry("state", "PENDING_APPROVAL")
                .containsEntry("requester_id", REQUESTER).containsEntry("title", "Upgrade payments-api to 2.4");
        assertThat(db.rows("SELECT type, actor_id FROM change_event"))
                .containsExactly(java.util.Map.of("type", "ChangeRequested", "actor_id", REQUESTER));
        var post = onlyCall("chat.postMessage");
        assertThat(post.param("channel")).isEqualTo(CHANNEL);
        assertThat(post.param("text")).startsWith("CHG-1: Upgrade payments-api to 2.4");
        assertThat(post.actionIds()).containsExactly(SlackIds.APPROVE_BUTTON, SlackIds.REJECT_BUTTON);
        assertThat(stored.get(0).get("message_ts")).isNotNull();
    }

    @Test
    @DisplayName("an approval by someone else is stored and the message is updated in place, without buttons")
    void approvalUpdatesInPlace() {
        submit(ChangeForms.complete(inAnHour()));
        var post = onlyCall("chat.postMessage");
        var ts = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();

        var response = app.slack(SlackPayloads.buttonClick(REVIEWER, CHANNEL, ts, SlackIds.APPROVE_BUTTON,
                buttonValue(post, SlackIds.APPROVE_BUTTON)), SlackPayloads.FORM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(db.rows("SELECT approver_id FROM change_approval"))
                .containsExactly(java.util.Map.of("approver_id", REVIEWER));
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "APPROVED");
        var update = onlyCall("chat.update");
        assertThat(update.param("ts")).isEqualTo(ts);
        assertThat(update.param("channel")).isEqualTo(CHANNEL);
        // Nothing left to approve or reject; the approved change can now be started.
        assertThat(update.actionIds()).containsExactly(SlackIds.START_BUTTON);
        assertThat(update.blocks().toString()).contains("approved by <@" + REVIEWER + ">");
    }

    @Test
    @DisplayName("the requester approving their own change is told why, privately, and nothing is stored")
    void selfApprovalRefused() {
        submit(ChangeForms.complete(inAnHour()));
        var post = onlyCall("chat.postMessage");
        var ts = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();

        var response = app.slack(SlackPayloads.buttonClick(REQUESTER, CHANNEL, ts, SlackIds.APPROVE_BUTTON,
                buttonValue(post, SlackIds.APPROVE_BUTTON)), SlackPayloads.FORM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(db.count("change_approval")).isZero();
        assertThat(db.count("change_event")).isEqualTo(1);
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "PENDING_APPROVAL");
        assertThat(slack.calls("chat.update")).isEmpty();
        var refusal = onlyCall("chat.postEphemeral");
        assertThat(refusal.param("user")).isEqualTo(REQUESTER);
        assertThat(refusal.param("text")).contains("You requested CHG-1", "cannot approve it");
    }

    @Test
    @DisplayName("problems show inside the modal, all at once, and nothing is stored")
    void invalidFormKeepsTheModalOpen() {
        var response = submit(ChangeForms.complete(Instant.now().minus(Duration.ofHours(2)))
                .text(SlackIds.ROLLBACK_PLAN, "   ")
                .number(SlackIds.EXPECTED_DURATION, "0"));

        assertThat(response.statusCode()).isEqualTo(200);
        var body = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
        var errors = body.getAsJsonObject("errors");
        assertThat(errors.keySet()).containsExactlyInAnyOrder(SlackIds.ROLLBACK_PLAN, SlackIds.PROPOSED_START,
                SlackIds.EXPECTED_DURATION);
        assertThat(errors.get(SlackIds.PROPOSED_START).getAsString()).contains("in the past");
        assertThat(db.count("change_request")).isZero();
        assertThat(db.count("change_event")).isZero();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    @DisplayName("Reject asks for a reason in a modal; the reason is recorded and ends the change")
    void rejectWithReason() {
        submit(ChangeForms.complete(inAnHour()));
        var post = onlyCall("chat.postMessage");
        var ts = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();

        app.slack(SlackPayloads.buttonClick(REVIEWER, CHANNEL, ts, SlackIds.REJECT_BUTTON,
                buttonValue(post, SlackIds.REJECT_BUTTON)), SlackPayloads.FORM);
        var modal = onlyCall("views.open").json("view").getAsJsonObject();
        assertThat(modal.get("callback_id").getAsString()).isEqualTo(SlackIds.REJECT_MODAL);

        var reason = new JsonObject();
        var input = new JsonObject();
        input.add(SlackIds.INPUT, SlackPayloads.textValue("No rollback tested for the schema part."));
        reason.add(SlackIds.REASON, input);
        var response = app.slack(SlackPayloads.viewSubmission(REVIEWER, SlackIds.REJECT_MODAL,
                modal.get("private_metadata").getAsString(), reason), SlackPayloads.FORM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("errors");
        assertThat(db.rows("SELECT state, rejected_by, rejection_reason FROM change_request").get(0))
                .containsEntry("state", "REJECTED").containsEntry("rejected_by", REVIEWER)
                .containsEntry("rejection_reason", "No rollback tested for the schema part.");
        assertThat(onlyCall("chat.update").actionIds()).isEmpty();
    }

    @Test
    @DisplayName("nothing typed is rendered as live mrkdwn: <!channel> in a title does not ping anyone")
    void userTextIsEscaped() {
        submit(ChangeForms.complete(inAnHour()).title("Restart <!channel> & <@U999> now")
                .text(SlackIds.DESCRIPTION, "Tell <!channel> and <!subteam^S1> via <https://evil.example|this link>"));

        var post = onlyCall("chat.postMessage");
        assertThat(post.param("text")).contains("&lt;!channel&gt; &amp; &lt;@U999&gt;").doesNotContain("<!channel>");
        // plain_text never renders mentions; every mrkdwn text must carry the escaped form.
        assertThat(mrkdwnTexts(post)).anySatisfy(t -> assertThat(t).contains("Tell &lt;!channel&gt;"))
                .allSatisfy(t -> assertThat(t).doesNotContain("<!channel>").doesNotContain("<!subteam")
                        .doesNotContain("<https://evil"));
        assertThat(post.param("link_names")).isIn(null, "0", "false");
        assertThat(post.param("parse")).isNotEqualTo("full");
    }

    @Test
    @DisplayName("/change show, list, approve and help answer privately")
    void slashCommandsAnswerPrivately() {
        submit(ChangeForms.complete(inAnHour()));

        var list = ephemeral(app.slack(SlashCommands.of(REVIEWER, CHANNEL, "list"), SlackPayloads.FORM).body());
        assertThat(list.get("text").getAsString()).contains("CHG-1", "Upgrade payments-api to 2.4", "pending approval");

        var approve = ephemeral(app.slack(SlashCommands.of(REVIEWER, CHANNEL, "approve chg-1"), SlackPayloads.FORM).body());
        assertThat(approve.get("text").getAsString()).isEqualTo("You approved CHG-1.");

        var show = ephemeral(app.slack(SlashCommands.of(REQUESTER, CHANNEL, "show CHG-1"), SlackPayloads.FORM).body());
        assertThat(show.get("blocks").toString()).contains("approved", "approved by <@" + REVIEWER + ">");

        var missing = ephemeral(app.slack(SlashCommands.of(REQUESTER, CHANNEL, "show CHG-99"), SlackPayloads.FORM).body());
        assertThat(missing.get("text").getAsString()).contains("There is no CHG-99");

        var help = ephemeral(app.slack(SlashCommands.of(REQUESTER, CHANNEL, "help"), SlackPayloads.FORM).body());
        assertThat(help.get("text").getAsString()).contains("/change new", "/change show CHG-n");
    }

    @Test
    @DisplayName("unknown or malformed input gets the help text, privately")
    void unknownInputGetsHelp() {
        for (var text : new String[] {"deploy everything", "show", "show CHG-x", "reject CHG-1", "<!channel>"}) {
            var answer = ephemeral(app.slack(SlashCommands.of(REQUESTER, CHANNEL, text), SlackPayloads.FORM).body());
            assertThat(answer.get("text").getAsString()).as(text).contains("/change new [title]")
                    .doesNotContain("<!channel>");
        }
        assertThat(db.count("change_event")).isZero();
    }

    private java.net.http.HttpResponse<String> submit(ChangeForms form) {
        var metadata = ChangeRef.inChannel(CHANNEL).encode();
        return app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL, metadata, form.state()),
                SlackPayloads.FORM);
    }

    private static SlackCall onlyCall(String method) {
        var calls = slack.calls(method);
        assertThat(calls).as(method + " calls").hasSize(1);
        return calls.get(0);
    }

    private static String buttonValue(SlackCall post, String actionId) {
        for (var block : post.blocks()) {
            var b = block.getAsJsonObject();
            if ("actions".equals(b.get("type").getAsString())) {
                for (var element : b.getAsJsonArray("elements")) {
                    var e = element.getAsJsonObject();
                    if (actionId.equals(e.get("action_id").getAsString())) {
                        return e.get("value").getAsString();
                    }
                }
            }
        }
        throw new AssertionError("no " + actionId + " button in " + post.blocks());
    }

    private static java.util.List<String> mrkdwnTexts(SlackCall post) {
        var texts = new java.util.ArrayList<String>();
        collectMrkdwn(post.blocks(), texts);
        return texts;
    }

    private static void collectMrkdwn(com.google.gson.JsonElement element, java.util.List<String> into) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collectMrkdwn(e, into));
        } else if (element.isJsonObject()) {
            var o = element.getAsJsonObject();
            if (o.has("type") && "mrkdwn".equals(o.get("type").getAsString())) {
                into.add(o.get("text").getAsString());
            }
            o.entrySet().forEach(e -> collectMrkdwn(e.getValue(), into));
        }
    }

    private static JsonObject ephemeral(String body) {
        var json = JsonParser.parseString(body).getAsJsonObject();
        assertThat(json.get("response_type").getAsString()).isEqualTo("ephemeral");
        return json;
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }
}
