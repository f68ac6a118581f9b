package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.OnPreset;
import dev.changebot.support.SlackPayloads;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * chat-backend's "Approval Authorities" in Slack (issue 15, items 1 and 2): the request form offers
 * the matrix, category then type; the change's message shows the type; the type's approvers are
 * required, before the category's own chain.
 */
@Timeout(120)
class ApprovalMatrixFlowTest extends OnPreset {

    static final String REQUESTER = "U0REQUEST";
    static final String CHANNEL = "C0DEPLOYS";
    static final String BACKEND = "U0BACKEND";
    static final String DBA = "U0DBA";
    static final String SRE = "U0SRE";

    ApprovalMatrixFlowTest() {
        super("chat-backend", Instant.parse("2026-03-02T09:00:00Z"));
    }

    @BeforeEach
    void roleHolders() {
        slack.userGroup("backend-leads", BACKEND);
        slack.userGroup("dba-leads", DBA);
        slack.userGroup("sre-leads", SRE);
    }

    @Test
    @DisplayName("Approval Authorities: `/change new … --type` opens the form with the matrix offered and the type chosen")
    void theFormOffersTheMatrix() {
        app.slack(SlackPayloads.slashCommand(REQUESTER, CHANNEL, "new Drop the legacy column --type database/column-removal"),
                SlackPayloads.FORM);

        var view = slack.calls("views.open").get(0).json("view").getAsJsonObject().toString();
        assertThat(view).contains("\"block_id\":\"change_type\"", "\"option_groups\"", "\"text\":\"database\"",
                "\"text\":\"column removal\"", "\"value\":\"database/column-removal\"", "\"value\":\"api/endpoint-removal\"",
                "Drop the legacy column");
        var type = JsonParser.parseString(view).getAsJsonObject().getAsJsonArray("blocks").asList().stream()
                .map(b -> b.getAsJsonObject()).filter(b -> b.get("block_id").getAsString().equals("change_type"))
                .findFirst().orElseThrow();
        assertThat(type.getAsJsonObject("element").getAsJsonObject("initial_option").get("value").getAsString())
                .isEqualTo("database/column-removal");
    }

    @Test
    @DisplayName("Approval Authorities: a column removal needs the DBA and SRE Leads, then the Backend Lead's review, in order")
    void theTypesApproversAreRequired() {
        var response = submit(ChangeForms.complete(Instant.parse("2026-03-10T11:00:00Z")).inClass("medium")
                .ofType("database/column-removal"));
        assertThat(response.body()).doesNotContain("errors");
        var post = slack.calls("chat.postMessage").get(0);
        assertThat(post.blocks().toString()).contains("*Type of change*", "database/column-removal", "DBA Lead",
                "SRE Lead", "Backend Lead review");

        click(BACKEND);
        assertThat(db.count("change_approval")).as("the Backend Lead's review comes last").isZero();
        click(DBA);
        click(SRE);
        assertThat(state()).isEqualTo("PENDING_APPROVAL");
        click(BACKEND);

        assertThat(state()).isEqualTo("APPROVED");
        assertThat(db.rows("SELECT approver_id, step FROM change_approval ORDER BY step"))
                .extracting(r -> r.get("approver_id") + "@" + r.get("step"))
                .containsExactly(DBA + "@1", SRE + "@2", BACKEND + "@3");
    }

    @Test
    @DisplayName("an unknown type is refused with the policy's types, from the command and from the form")
    void unknownTypes() {
        var answered = app.slack(SlackPayloads.slashCommand(REQUESTER, CHANNEL, "new Something --type database/nope"),
                SlackPayloads.FORM).body();
        assertThat(slack.calls("views.open")).isEmpty();

        var response = submit(ChangeForms.complete(Instant.parse("2026-03-10T11:00:00Z")).inClass("medium")
                .ofType("database/nope"));

        assertThat(answered).contains("That is not a type of change of this policy", "database/column-removal");
        var errors = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("errors");
        assertThat(errors.get("change_type").getAsString()).contains("not a type of change of this policy",
                "dependency/license-change");
        assertThat(db.count("change_request")).isZero();
    }

    private HttpResponse<String> submit(ChangeForms form) {
        return app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL,
                ChangeRef.inChannel(CHANNEL).encode(), form.state()), SlackPayloads.FORM);
    }

    private void click(String userId) {
        var ts = db.rows("SELECT message_ts FROM change_request").get(0).get("message_ts").toString();
        var response = app.slack(SlackPayloads.buttonClick(userId, CHANNEL, ts, SlackIds.APPROVE_BUTTON,
                ChangeRef.of(new ChangeId(1)).encode()), SlackPayloads.FORM);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String state() {
        return db.rows("SELECT state FROM change_request").get(0).get("state").toString();
    }
}
