package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.application.change.FireTimer;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.SlashCommandsAccess;
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

/** chat-backend, High-Risk Deployment step 6: 5% → 25% → 50% → 100% with 8 h soaks, then 4 h of monitoring. */
class StagedRolloutTest {

    /** The first Tuesday of April 2026, 03:00 UTC: inside the maintenance window. */
    static final Instant WINDOW = Instant.parse("2026-04-07T03:00:00Z");
    static final String CHANNEL = "C0DEPLOYS";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack, Map.of("changebot.policy", "preset:chat-backend"), clock);

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("the rollout advances step by step, each only after its soak, and ends with monitoring")
    void rolloutInOrder() {
        startedHighRiskChange();

        assertThat(say("deployed CHG-1 production")).contains("next step of CHG-1's rollout is 5%");
        assertThat(say("deployed CHG-1 production 25")).contains("next step of CHG-1's rollout is 5%");
        for (int percent : new int[] {5, 25, 50}) {
            assertThat(say("deployed CHG-1 production " + percent)).contains("soaking in production " + percent + "%");
            assertThat(say("deployed CHG-1 production 100")).as("not before the soak ends").contains("is soaking in");
            clock.advance(Duration.ofHours(8));
            slack.clear();
            fireDue();
            assertThat(state()).isEqualTo("IN_PROGRESS");
            int next = percent == 5 ? 25 : percent == 25 ? 50 : 100;
            assertThat(slack.calls("chat.postMessage")).singleElement().satisfies(call -> assertThat(call.param("text"))
                    .contains("soak in production " + percent + "% complete — production " + next + "% allowed."));
        }
        assertThat(say("deployed CHG-1 production 100")).contains("soaking in production 100% until 2026-04-08T07:00:00Z");
        clock.advance(Duration.ofHours(4));
        slack.clear();
        fireDue();
        // The thread also hears of the follow-ups the full deployment started (IC standby, due now);
        // posts to one channel are paced, so the soak's notice may wait a few seconds behind those.
        for (int second = 0; second < 5; second++) {
            clock.advance(Duration.ofSeconds(2));
            app.deliverOutbox();
        }
        assertThat(slack.calls("chat.postMessage").stream().map(call -> call.param("text"))
                .filter(text -> text.contains("soak in production"))).singleElement().asString()
                .contains("soak in production 100% complete — nothing left to deploy; mark it Done");

        assertThat(state()).isEqualTo("IN_PROGRESS");
        assertThat(db.rows("SELECT details->>'environment' AS env FROM change_event WHERE type = 'ChangeSoakCompleted' ORDER BY id"))
                .extracting(r -> r.get("env"))
                .containsExactly("production 5%", "production 25%", "production 50%", "production 100%");
        assertThat(say("done CHG-1")).contains("completed");
    }

    private void startedHighRiskChange() {
        for (var group : new String[] {"backend-leads", "dba-leads", "sre-leads", "product-owners", "tech-architects"}) {
            slack.userGroup(group, "U0" + group.toUpperCase().replace("-", ""));
        }
        app.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(WINDOW).inClass("high").text("design_doc", "https://wiki/rfc-9")
                        .text("risk_assessment", "low").text("communication_plan", "email")
                        .text("estimated_downtime", "none").state()), SlackPayloads.FORM);
        for (var group : new String[] {"backend-leads", "dba-leads", "sre-leads", "product-owners", "tech-architects"}) {
            app.slack(SlashCommandsAccess.of("U0" + group.toUpperCase().replace("-", ""), CHANNEL, "approve CHG-1"),
                    SlackPayloads.FORM);
        }
        clock.set(WINDOW);
        say("start CHG-1");
        assertThat(state()).isEqualTo("IN_PROGRESS");
        // High-Risk Deployment steps 3 and 5: staging, then the Tech Architect's production gate, before the rollout.
        say("deployed CHG-1 staging");
        app.slack(SlashCommandsAccess.of("U0TECHARCHITECTS", CHANNEL, "approve CHG-1"), SlackPayloads.FORM);
    }

    private void fireDue() {
        for (var row : db.rows("SELECT id FROM change_timer WHERE status = 'PENDING' AND due_at <= ?",
                java.sql.Timestamp.from(clock.instant()))) {
            app.bean(FireTimer.class).fire(((Number) row.get("id")).longValue());
        }
        app.deliverOutbox();
    }

    private String say(String text) {
        var body = app.slack(SlashCommandsAccess.of("U0DEV", CHANNEL, text), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }

    private String state() {
        return db.rows("SELECT state FROM change_request").get(0).get("state").toString();
    }
}
