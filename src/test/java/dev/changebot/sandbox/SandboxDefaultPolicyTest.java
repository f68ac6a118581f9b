package dev.changebot.sandbox;

import static dev.changebot.sandbox.SandboxApp.ALICE;
import static dev.changebot.sandbox.SandboxApp.CHANGES;
import static dev.changebot.sandbox.SandboxApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sandbox as a newcomer meets it, on the default policy whose roles are Slack user groups: the
 * seeded people hold them through the stand-in's usergroups.list, so the approver approves and the
 * incident commander declares an emergency, as in a real workspace.
 */
@Timeout(180)
class SandboxDefaultPolicyTest {

    private final SandboxApp sandbox = SandboxApp.start(Map.of("changebot.policy", "preset:default"));

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    @DisplayName("the seeded approver (in @change-approvers) approves Alice's normal change with the button")
    void seededApproverApproves() {
        var approver = personTitled("Change approver");
        sandbox.type(ALICE, CHANGES, "/change new");
        sandbox.act("/sandbox/api/views/submit", json("as", ALICE, "view_id", sandbox.topModal(ALICE).get("id").getAsString(),
                "values", ChangeForms.complete(nextWednesdayNoon()).inClass("normal").title("Upgrade Postgres").state()));
        var ts = sandbox.lastBotMessage(ALICE, CHANGES).get("ts").getAsString();

        sandbox.act("/sandbox/api/action", json("as", approver, "channel", CHANGES, "message_ts", ts,
                "action_id", SlackIds.APPROVE_BUTTON, "type", "button"));

        assertThat(sandbox.lastBotMessage(ALICE, CHANGES).toString()).contains("approved by <@" + approver + ">");
    }

    @Test
    @DisplayName("the seeded incident commander (in @incident-commanders) declares an emergency in #incidents")
    void seededCommanderDeclares() {
        var commander = personTitled("Incident commander");

        var answer = sandbox.type(commander, "C0INCIDENTS", "/change emergency Fail over the primary database");

        assertThat(answer.get("ok").getAsBoolean()).as(answer.toString()).isTrue();
        assertThat(sandbox.lastBotMessage(commander, "C0INCIDENTS").toString()).contains("CHG-1", "Fail over the primary database");
    }

    @Test
    @DisplayName("the seeded auditor (in @change-auditors) exports this month's evidence pack into their direct messages")
    void seededAuditorExportsEvidence() {
        var auditor = personTitled("Auditor");
        var month = java.time.YearMonth.now(ZoneOffset.UTC).toString();

        var answer = sandbox.type(auditor, CHANGES, "/change evidence " + month);

        assertThat(answer.get("ok").getAsBoolean()).as(answer.toString()).isTrue();
        // The pack is built after the ack, on a thread of its own: wait for its upload, within a bound.
        var deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!sandbox.state(auditor).getAsJsonObject("messages").toString().contains("/sandbox/slack/files/")) {
            assertThat(System.nanoTime()).as("no evidence pack within 60 s").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        assertThat(sandbox.state(auditor).getAsJsonObject("messages").toString()).contains("Evidence pack " + month);
        // Alice holds no role that may export: she is told so, privately, and gets nothing.
        sandbox.type(ALICE, CHANGES, "/change evidence " + month);
        assertThat(sandbox.state(ALICE).toString()).contains("may export the evidence pack");
    }

    private String personTitled(String title) {
        for (var person : sandbox.state(ALICE).getAsJsonArray("people")) {
            JsonObject p = person.getAsJsonObject();
            if (p.get("title").getAsString().equals(title)) {
                return p.get("id").getAsString();
            }
        }
        throw new AssertionError("nobody is titled " + title);
    }

    /** Outside the default policy's weekend freeze, whatever day the suite runs. */
    private static Instant nextWednesdayNoon() {
        return ZonedDateTime.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
                .with(LocalTime.NOON).toInstant();
    }
}
