package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.changebot.application.change.FireTimer;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.OnPreset;
import dev.changebot.support.SlackPayloads;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * chat-backend's Manual Rollback step 4, "Post mortem required within 24 hours" (issue 15, item
 * 4), in Slack: a low-risk change rolled back now owes a post-mortem, told in its thread, shown on
 * its message with a button, met through the form, its deadline set as a durable timer.
 */
@Timeout(120)
class FollowUpsAfterEventsFlowTest extends OnPreset {

    static final Instant T0 = Instant.parse("2026-03-10T11:00:00Z");
    static final String CHANNEL = "C0DEPLOYS";
    static final String DEV = "U0DEV";

    FollowUpsAfterEventsFlowTest() {
        super("chat-backend", T0);
    }

    @Test
    @DisplayName("chat-backend Manual Rollback step 4: a rollback owes a post mortem within 24 hours, told in the thread and met on the message")
    void postMortemAfterRollback() {
        create();
        say("start CHG-1");
        var rolledBack = say("rolledback CHG-1");

        assertThat(rolledBack).contains("CHG-1 is rolled back");
        assertThat(db.rows("SELECT type FROM change_event ORDER BY id").stream().map(r -> r.get("type")).toList())
                .as("owed just before the rollback that started it")
                .containsSubsequence("FollowUpsOwed", "ChangeFinished");
        assertThat(db.rows("SELECT obligations::text AS o FROM change_request").get(0).get("o").toString())
                .contains("\"post-mortem\"", "\"dueAt\": \"2026-03-11T11:00:00Z\"", "\"PENDING\"");
        assertThat(db.rows("SELECT kind, ref, due_at FROM change_timer WHERE status = 'PENDING' ORDER BY due_at"))
                .extracting(r -> r.get("kind") + " " + r.get("ref")).contains("FOLLOW_UP_DUE post-mortem");
        // Posts to one channel are paced (about one a second): the notice waits its turn.
        clock.advance(Duration.ofSeconds(5));
        app.deliverOutbox();
        var thread = slack.calls("chat.postMessage").stream().map(c -> c.param("text")).filter(t -> t != null
                && t.contains("now owes")).toList();
        assertThat(thread).singleElement().asString().contains("*CHG-1* now owes (rolled back)", "Post mortem after the rollback",
                "`/change satisfy CHG-1 post-mortem`");
        var message = slack.calls("chat.update").get(slack.calls("chat.update").size() - 1);
        assertThat(message.blocks().toString()).contains("Owed afterwards", "Post mortem after the rollback");
        assertThat(message.actionIds()).contains(SlackIds.SATISFY_BUTTON + ":post-mortem");

        var submitted = app.slack(SlackPayloads.viewSubmission("U0SRE", SlackIds.SATISFY_MODAL,
                ChangeRef.obligation(new ChangeId(1), "post-mortem").encode(), new JsonObject()), SlackPayloads.FORM);

        assertThat(submitted.body()).doesNotContain("errors");
        assertThat(db.rows("SELECT obligations::text AS o FROM change_request").get(0).get("o").toString())
                .contains("\"SATISFIED\"", "\"satisfiedBy\": \"U0SRE\"");
        assertThat(db.count("change_timer WHERE status = 'PENDING'")).as("its timers called off").isZero();
    }

    @Test
    @DisplayName("chat-backend Manual Rollback step 4: a post mortem not met in 24 hours is recorded overdue and stays open")
    void postMortemOverdue() {
        create();
        say("start CHG-1");
        say("rolledback CHG-1");

        clock.advance(Duration.ofHours(25));
        for (var row : db.rows("SELECT id FROM change_timer WHERE status = 'PENDING' AND due_at <= ?",
                java.sql.Timestamp.from(clock.instant()))) {
            app.bean(FireTimer.class).fire(((Number) row.get("id")).longValue());
        }
        app.deliverOutbox();

        assertThat(db.rows("SELECT type FROM change_event ORDER BY id").stream().map(r -> r.get("type")).toList())
                .endsWith("ObligationOverdue");
        assertThat(db.rows("SELECT obligations::text AS o FROM change_request").get(0).get("o").toString())
                .contains("\"OVERDUE\"");
        assertThat(db.rows("SELECT state FROM change_request").get(0)).as("a rolled-back change stays rolled back")
                .containsEntry("state", "ROLLED_BACK");
        assertThat(slack.calls("chat.postMessage").stream().map(c -> String.valueOf(c.param("text"))).toList())
                .anySatisfy(t -> assertThat(t).contains("is overdue"));
    }

    private void create() {
        submitNewChange(DEV, CHANNEL, ChangeForms.complete(T0.plusSeconds(600)).inClass("low"));
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "APPROVED");
    }

    private String say(String text) {
        return say(DEV, CHANNEL, text);
    }
}
