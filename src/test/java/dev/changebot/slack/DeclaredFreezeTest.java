package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** pol-012 "Declared freeze periods": declared and lifted in Slack by the roles the policy names. */
class DeclaredFreezeTest {

    static final String CHANNEL = "C0DEPLOYS";
    static final String MANAGER = "U0EM";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T14:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:pol-012"), clock);
        slack.userGroup("eng-managers", MANAGER);
        slack.userGroup("engineers", "U0ENG1", "U0ENG2");
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("only the policy's declared_by roles may declare a freeze")
    void unauthorisedDeclarationRefused() {
        var answer = say("U0ENG1", "freeze start Black Friday");

        assertThat(answer).contains("Only engineering-manager or platform-lead may declare or lift a freeze.");
        assertThat(db.count("declared_freeze")).isZero();
    }

    @Test
    @DisplayName("a declared freeze blocks starts until it is lifted, and is listed meanwhile")
    void declaredFreezeBlocksUntilLifted() {
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.parse("2026-03-10T15:00:00Z")).inClass("standard").state()), SlackPayloads.FORM);
        say("U0ENG1", "approve CHG-1");
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "APPROVED");

        assertThat(say(MANAGER, "freeze start Launch day until 2026-03-11T00:00:00Z")).contains("Freeze declared: Launch day");
        assertThat(say(MANAGER, "freeze list")).contains("Launch day", "<@" + MANAGER + ">");
        assertThat(say("U0REQUEST", "start CHG-1")).contains("Blocked by a declared freeze");

        assertThat(say(MANAGER, "freeze end")).isEqualTo("Lifted 1 declared freeze.");
        say("U0REQUEST", "start CHG-1");
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "IN_PROGRESS");
        assertThat(db.rows("SELECT lifted_by FROM declared_freeze").get(0)).containsEntry("lifted_by", MANAGER);
    }

    @Test
    @DisplayName("CTRL-012.2: while a SEV2 emergency is in progress, other changes wait; once resolved, they may start")
    void activeIncidentFreezesUntilResolved() {
        slack.userGroup("incident-commanders", "U0IC");
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(Instant.parse("2026-03-10T15:00:00Z")).inClass("standard").state()), SlackPayloads.FORM);
        say("U0ENG1", "approve CHG-1");

        assertThat(say("U0IC", "emergency Fail over the primary database --sev SEV2")).contains("Declared CHG-2");
        assertThat(say("U0REQUEST", "start CHG-1")).as("while the emergency waits for its approval")
                .contains("Blocked by", "incident");
        say("U0ENG2", "approve CHG-2");

        assertThat(say("U0REQUEST", "start CHG-1")).as("the incident stays open once its fix may go ahead")
                .contains("Blocked by", "incident");

        say("U0IC", "resolve CHG-2");
        say("U0REQUEST", "start CHG-1");
        assertThat(db.rows("SELECT state FROM change_request WHERE number = 1").get(0)).containsEntry("state", "IN_PROGRESS");
    }

    private String say(String user, String text) {
        var body = app.slack(SlashCommands.of(user, CHANNEL, text), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().has("text")
                ? JsonParser.parseString(body).getAsJsonObject().get("text").getAsString() : body;
    }
}
