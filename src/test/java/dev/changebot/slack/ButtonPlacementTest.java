package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A button acts only on the change whose message it sits on (or from the App Home): a value
 * naming another change is refused and nothing happens to either.
 */
@Timeout(60)
class ButtonPlacementTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String REVIEWER = "U0REVIEW";

    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack);

    @BeforeEach
    void twoChangesWaitingForApproval() {
        for (var title : List.of("First", "Second")) {
            app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                    ChangeForms.complete(Instant.now().plus(Duration.ofHours(1))).title(title).state()), SlackPayloads.FORM);
        }
        slack.clear();
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("Approve for CHG-2 clicked on CHG-1's message: refused, neither change approved")
    void approveOnAnotherChangesMessage() {
        app.slack(SlackPayloads.buttonClick(REVIEWER, CHANNEL, messageOf(1), SlackIds.APPROVE_BUTTON, ref(2)),
                SlackPayloads.FORM);

        assertThat(toldPrivately()).isEqualTo("That button is not on CHG-2's message, so it did nothing. "
                + "Use the buttons on CHG-2's own message, or `/change show CHG-2`.");
        assertThat(db.count("change_approval")).isZero();
        assertThat(db.rows("SELECT state FROM change_request ORDER BY number")).extracting(r -> r.get("state"))
                .containsExactly("PENDING_APPROVAL", "PENDING_APPROVAL");
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    @Test
    @DisplayName("the right message in another channel is not the change's message either")
    void sameTsOtherChannel() {
        app.slack(SlackPayloads.buttonClick(REVIEWER, "C0ELSEWHERE", messageOf(1), SlackIds.APPROVE_BUTTON, ref(1)),
                SlackPayloads.FORM);

        assertThat(toldPrivately()).startsWith("That button is not on CHG-1's message");
        assertThat(db.count("change_approval")).isZero();
    }

    @Test
    @DisplayName("Reject for CHG-2 on CHG-1's message opens no form")
    void rejectOnAnotherChangesMessage() {
        app.slack(SlackPayloads.buttonClick(REVIEWER, CHANNEL, messageOf(1), SlackIds.REJECT_BUTTON, ref(2)),
                SlackPayloads.FORM);

        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(toldPrivately()).startsWith("That button is not on CHG-2's message");
    }

    @Test
    @DisplayName("a Deployed value naming CHG-2 on CHG-1's message: refused before any rule runs")
    void deployedOnAnotherChangesMessage() {
        app.slack(SlackPayloads.buttonClick("U0REQUEST", CHANNEL, messageOf(1), SlackIds.DEPLOYED_BUTTON,
                ChangeRef.deployment(new ChangeId(2), "production", OptionalInt.empty()).encode()), SlackPayloads.FORM);

        assertThat(toldPrivately()).startsWith("That button is not on CHG-2's message");
        assertThat(db.rows("SELECT type FROM change_event WHERE type = 'ChangeDeployed'")).isEmpty();
    }

    @Test
    @DisplayName("the button on its own message, and the same button on the App Home, do act")
    void onItsMessageOrTheHome() {
        app.slack(SlackPayloads.buttonClick(REVIEWER, CHANNEL, messageOf(1), SlackIds.APPROVE_BUTTON, ref(1)),
                SlackPayloads.FORM);
        app.slack(SlackPayloads.buttonClickOnHome(REVIEWER, SlackIds.APPROVE_BUTTON, ref(2)), SlackPayloads.FORM);

        assertThat(db.rows("SELECT state FROM change_request ORDER BY number")).extracting(r -> r.get("state"))
                .containsExactly("APPROVED", "APPROVED");
    }

    private String messageOf(int number) {
        return db.rows("SELECT message_ts FROM change_request WHERE number = " + number).get(0).get("message_ts").toString();
    }

    private static String ref(int number) {
        return ChangeRef.of(new ChangeId(number)).encode();
    }

    private String toldPrivately() {
        var told = slack.calls("chat.postEphemeral");
        assertThat(told).hasSize(1);
        return told.get(0).param("text");
    }
}
