package dev.changebot.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.slack.SlashCommandsAccess;
import dev.changebot.support.OnPreset;
import dev.changebot.support.SlackPayloads;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * POL-008 3.3 "Verbal approval from CTO/CEO", "Deploy immediately" (issue 15, item 8): the emergency
 * is declared by whoever develops the fix, naming the CTO or CEO who approved it by word; that person,
 * and only they, confirms it in writing afterwards.
 */
@Timeout(120)
class VerbalApprovalTest extends OnPreset {

    static final Instant T0 = Instant.parse("2026-03-06T17:00:00Z");
    static final String CHANNEL = "C0INCIDENT";
    static final String ENGINEER = "U0ENG";
    static final String CEO = "U0CEO";
    static final String CTO = "U0CTO";

    VerbalApprovalTest() {
        super("pol-008", T0);
    }

    @BeforeEach
    void roleHolders() {
        slack.userGroup("ceo", CEO);
        slack.userGroup("cto", CTO);
    }

    @Test
    @DisplayName("POL-008 3.3: without the CTO's or CEO's verbal approval named, or naming someone else, nothing is declared")
    void verbalApprovalIsRequired() {
        var without = say(ENGINEER, "emergency Restore the payments service");
        var byAnEngineer = say(ENGINEER, "emergency Restore the payments service --approved-by <@U0OTHER|other>");

        assertThat(without).contains("need the verbal approval of the CTO or CEO first", "--approved-by @name");
        assertThat(byAnEngineer).contains("<@U0OTHER> is not the CTO or CEO");
        assertThat(db.count("change_request")).isZero();
    }

    @Test
    @DisplayName("POL-008 3.3: declared at once with the CEO's verbal approval recorded; only the CEO confirms it in writing")
    void theApproverConfirmsInWriting() {
        var declared = say(ENGINEER, "emergency Restore the payments service --approved-by <@U0CEO|ceo>");

        assertThat(declared).contains("Declared CHG-1");
        assertThat(db.rows("SELECT state FROM change_request").get(0)).containsEntry("state", "IN_PROGRESS");
        assertThat(db.rows("SELECT details::text AS d FROM change_event WHERE type = 'EmergencyDeclared'").get(0)
                .get("d").toString()).contains("\"verbalApprovalBy\"", CEO);
        assertThat(slack.calls("chat.postMessage").get(0).blocks().toString())
                .contains("CTO/CEO confirms the verbal approval in writing", "by <@" + CEO + "> (who gave the verbal approval)");

        var byTheCto = JsonParser.parseString(confirm(CTO)).getAsJsonObject().getAsJsonObject("errors").toString();
        assertThat(JsonParser.parseString(byTheCto).getAsJsonObject().entrySet().iterator().next().getValue()
                .getAsString()).contains("is <@" + CEO + ">'s to give");
        var byTheCeo = confirm(CEO);

        assertThat(byTheCeo).doesNotContain("errors");
        assertThat(db.rows("SELECT obligations::text AS o FROM change_request").get(0).get("o").toString())
                .contains("\"satisfiedBy\": \"" + CEO + "\"");
    }

    /** The satisfy form of the confirmation (it asks nothing), submitted by {@code user}. */
    private String confirm(String user) {
        return app.slack(SlackPayloads.viewSubmission(user, SlackIds.SATISFY_MODAL,
                ChangeRef.obligation(new ChangeId(1), "executive-confirmation").encode(), new JsonObject()),
                SlackPayloads.FORM).body();
    }

    private String say(String user, String text) {
        var body = app.slack(SlashCommandsAccess.of(user, CHANNEL, text), SlackPayloads.FORM).body();
        return body.isBlank() ? "" : JsonParser.parseString(body).getAsJsonObject().get("text").getAsString();
    }
}
