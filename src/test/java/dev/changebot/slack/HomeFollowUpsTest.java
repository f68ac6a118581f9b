package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.OnPreset;
import dev.changebot.support.SlackPayloads;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The App Home's follow-ups (chat-backend): a change that has ended but still owes a follow-up is in no
 * list of open changes, so the Home shows it to whoever may record the follow-up, with its button.
 */
@Timeout(120)
class HomeFollowUpsTest extends OnPreset {

    static final Instant T0 = Instant.parse("2026-03-10T11:00:00Z");
    static final String CHANNEL = "C0DEPLOYS";
    static final String INCIDENTS = "C0INCIDENT";
    static final String DEV = "U0DEV";
    static final String SRE = "U0SRE";
    static final String IC = "U0IC";

    HomeFollowUpsTest() {
        super("chat-backend", T0);
    }

    @Test
    @DisplayName("a rolled-back change's post mortem is on the Home of whoever may record it; its button opens the form")
    void rolledBackChangeOwesItsPostMortem() {
        request();
        say(DEV, CHANNEL, "start CHG-1");
        say(DEV, CHANNEL, "rolledback CHG-1");
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "ROLLED_BACK");

        var home = homeOf(SRE);
        assertThat(home).contains("Follow-ups you can record", "*CHG-1*", "rolled back", "Post mortem after the rollback",
                "due <!date^", SlackIds.SATISFY_BUTTON + ":post-mortem");

        slack.clear();
        app.slack(SlackPayloads.buttonClickOnHome(SRE, SlackIds.SATISFY_BUTTON + ":post-mortem",
                ChangeRef.obligation(new ChangeId(1), "post-mortem").encode()), SlackPayloads.FORM);
        assertThat(slack.calls("views.open")).as("the follow-up's form, from the Home").hasSize(1);

        var submitted = app.slack(SlackPayloads.viewSubmission(SRE, SlackIds.SATISFY_MODAL,
                ChangeRef.obligation(new ChangeId(1), "post-mortem").encode(), new JsonObject()), SlackPayloads.FORM);
        assertThat(submitted.body()).doesNotContain("errors");
        assertThat(homeOf(SRE)).contains("No follow-up waits for you.").doesNotContain("Post mortem after the rollback");
    }

    @Test
    @DisplayName("an emergency's retrospective is on the Home of others; its declarer, who may not record it, sees only the rest")
    void retrospectiveNotOnTheDeclarersHome() {
        slack.userGroup("sre-oncall", IC);
        say(IC, INCIDENTS, "emergency Roll back the bad payments config");
        say(IC, INCIDENTS, "resolve CHG-1");

        assertThat(homeOf(SRE)).contains("Follow-ups you can record", "*CHG-1*", "Retrospective documenting the decision",
                SlackIds.SATISFY_BUTTON + ":retrospective");
        var declarers = homeOf(IC);
        assertThat(declarers).contains("Follow-ups you can record");
        assertThat(declarers.substring(declarers.indexOf("Follow-ups you can record")))
                .as("below the heading: the follow-ups the declarer may record, not the retrospective")
                .contains("*CHG-1*", "Executive report").doesNotContain("Retrospective documenting")
                .doesNotContain(SlackIds.SATISFY_BUTTON + ":retrospective");
    }

    private String homeOf(String user) {
        slack.clear();
        app.slack(SlackPayloads.appHomeOpened(user), SlackPayloads.JSON);
        var publish = slack.calls("views.publish");
        assertThat(publish).singleElement().satisfies(call -> assertThat(call.param("user_id")).isEqualTo(user));
        return publish.get(0).json("view").toString();
    }

    private void request() {
        submitNewChange(DEV, CHANNEL, ChangeForms.complete(T0.plusSeconds(600)).inClass("low"));
    }
}
