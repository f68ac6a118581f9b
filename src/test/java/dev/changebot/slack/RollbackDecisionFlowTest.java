package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.OnPreset;
import dev.changebot.support.SlackPayloads;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mixpeek 4.5, "Rollback decisions should be made within 15 minutes of detecting a production
 * issue" (issue 15, item 4): `/change issue` records what was seen, and the change owes a rollback
 * decision within 15 minutes, once per issue.
 */
@Timeout(120)
class RollbackDecisionFlowTest extends OnPreset {

    static final Instant T0 = Instant.parse("2026-03-10T11:00:00Z");
    static final String CHANNEL = "C0DEPLOYS";

    RollbackDecisionFlowTest() {
        super("mixpeek", T0);
    }

    @Test
    @DisplayName("Mixpeek 4.5: each issue reported on a change owes a rollback decision within 15 minutes")
    void rollbackDecisionWithinFifteenMinutes() {
        app.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(T0).inClass("standard").forService("api").state()), SlackPayloads.FORM);
        say("U0DEV", "start CHG-1");

        var first = say("U0SRE", "issue CHG-1 p95 latency doubled since the deploy");
        var second = say("U0SRE", "issue CHG-1 errors on /v1/search");

        assertThat(first).contains("Recorded the issue on CHG-1", "Rollback decision", "within 15 minutes");
        assertThat(second).contains("Rollback decision");
        assertThat(db.rows("SELECT obligations::text AS o FROM change_request").get(0).get("o").toString())
                .contains("\"rollback-decision\"", "\"rollback-decision-2\"", "\"dueAt\": \"2026-03-10T11:15:00Z\"");
        assertThat(db.rows("SELECT details::text AS d FROM change_event WHERE type = 'IssueReported' ORDER BY id").get(0)
                .get("d").toString()).contains("p95 latency doubled");
        assertThat(say("U0SRE", "issue CHG-1")).contains("needs a reason after the id");
        assertThat(say("U0SRE", "issue CHG-9 boom")).contains("There is no CHG-9");
    }

    @Test
    @DisplayName("an issue on a change that has not started is refused: nothing of it is in production")
    void notBeforeItStarts() {
        app.slack(SlackPayloads.viewSubmission("U0DEV", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                ChangeForms.complete(T0).inClass("significant").forService("api").state()), SlackPayloads.FORM);

        assertThat(say("U0SRE", "issue CHG-1 looks odd")).contains("has not started");
        assertThat(db.count("change_event WHERE type = 'IssueReported'")).isZero();
    }

    private String say(String user, String text) {
        var body = app.slack(SlashCommandsAccess.of(user, CHANNEL, text), SlackPayloads.FORM).body();
        app.deliverOutbox();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }
}
