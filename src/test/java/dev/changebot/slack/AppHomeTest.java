package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** App Home under chat-backend: awaiting my approval, my open changes, freezes — with their buttons. */
class AppHomeTest {

    static final String BACKEND = "U0BACKEND";
    static final String REQUESTER = "U0REQUEST";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T10:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:chat-backend"), clock);

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("opening the Home tab shows what awaits me with Approve / Reject, and the coming weekend freeze")
    void homeShowsWhatAwaitsMe() {
        slack.userGroup("backend-leads", BACKEND);
        request();

        app.slack(SlackPayloads.appHomeOpened(BACKEND), SlackPayloads.JSON);

        var publish = slack.calls("views.publish");
        assertThat(publish).singleElement().satisfies(call -> {
            assertThat(call.param("user_id")).isEqualTo(BACKEND);
            var view = call.json("view").toString();
            assertThat(view).contains("Awaiting your approval", "CHG-1", "change_approve", "change_reject",
                    "You have no open changes", "the weekend freeze");
        });
    }

    @Test
    @DisplayName("the requester sees their own change; approving from Home updates the change and the Home")
    void approveFromHome() {
        slack.userGroup("backend-leads", BACKEND);
        request();
        app.slack(SlackPayloads.appHomeOpened(REQUESTER), SlackPayloads.JSON);
        var own = slack.calls("views.publish").get(0);
        assertThat(own.json("view").toString()).contains("Your open changes", "CHG-1", "Nothing waits for you.");
        assertThat(own.json("view").toString()).as("no Approve or Reject on a change its requester may not approve")
                .doesNotContain(SlackIds.APPROVE_BUTTON, SlackIds.REJECT_BUTTON);
        slack.clear();

        app.slack(SlackPayloads.buttonClickOnHome(BACKEND, SlackIds.APPROVE_BUTTON,
                ChangeRef.of(new ChangeId(1)).encode()), SlackPayloads.FORM);

        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "APPROVED");
        assertThat(slack.calls("chat.update")).hasSize(1);
        assertThat(slack.calls("views.publish")).singleElement()
                .satisfies(call -> assertThat(call.json("view").toString()).contains("Nothing waits for you."));
    }

    private void request() {
        app.slack(SlackPayloads.viewSubmission(REQUESTER, SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel("C0DEPLOYS").encode(),
                ChangeForms.complete(clock.instant().plus(Duration.ofDays(1))).inClass("medium").state()), SlackPayloads.FORM);
        slack.clear();
    }
}
