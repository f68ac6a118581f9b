package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.SlackCall;
import dev.changebot.support.SlackPayloads;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 17's conflicts end to end (test-conflicts.yaml: "normal" warns, "major" blocks): the refusal in the
 * form, the conflict recorded once and told in both threads, the line on each change's message.
 */
@Timeout(180)
class ConflictFlowTest extends OnConflictsPolicy {

    /** Wednesday 2 December 2026, 14:00 UTC: the planned start of the changes below (45 minutes each). */
    static final Instant AT = Instant.parse("2026-12-02T14:00:00Z");

    @Test
    @DisplayName("conflicts: block refuses the request with the conflicts and the next free slot as errors, recording nothing")
    void blockRefuses() {
        submit("U0ANN", form(AT, "payments-api").title("Rotate card keys"));

        var refused = submitted("U0BOB", form(AT.plusSeconds(30 * 60), "payments-api").inClass("major").title("Migrate ledger"));

        var errors = JsonParser.parseString(refused).getAsJsonObject();
        assertThat(errors.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(errors.getAsJsonObject("errors").get(SlackIds.PROPOSED_START).getAsString()).isEqualTo(
                "This class refuses a change that conflicts with what is planned: same service with CHG-1"
                        + " \"Rotate card keys\", Wed 2026-12-02 14:30–14:45 UTC. Next free slot: Wed 2026-12-02"
                        + " 14:45–15:30 UTC.");
        assertThat(db.count("change_request")).as("nothing recorded").isEqualTo(1);
        assertThat(db.count("change_conflict")).isZero();

        var moved = submitted("U0BOB", form(Instant.parse("2026-12-02T14:45:00Z"), "payments-api").inClass("major")
                .title("Migrate ledger"));
        assertThat(moved).as("in the free slot: recorded, the form closes").doesNotContain("response_action");
        assertThat(db.count("change_request")).isEqualTo(2);
    }

    @Test
    @DisplayName("conflicts: block refuses a window that starts before the weekend freeze and runs into it")
    void blockRefusesRunningIntoAFreeze() {
        var refused = submitted("U0BOB", form(Instant.parse("2026-12-04T23:30:00Z"), "search").inClass("major"));

        assertThat(JsonParser.parseString(refused).getAsJsonObject().getAsJsonObject("errors").get(SlackIds.PROPOSED_START)
                .getAsString()).startsWith("This class refuses a change that conflicts with what is planned: freeze"
                        + " (the weekend freeze), Sat 2026-12-05 00:00–00:15 UTC. Next free slot: Mon 2026-12-07 00:00–00:45 UTC.");
        assertThat(db.count("change_request")).isZero();

        var warned = submitted("U0BOB", form(Instant.parse("2026-12-04T23:30:00Z"), "search"));
        assertThat(warned).as("a warn class is recorded with the warning").contains("\"response_action\":\"update\"");
        assertThat(db.count("change_request")).isEqualTo(1);
        assertThat(db.count("change_conflict")).as("a freeze is no pair of changes").isZero();
    }

    @Test
    @DisplayName("warn records the change, turns the form into the warning, and records the pair once with the class's rule")
    void warnRecords() {
        submit("U0ANN", form(AT, "payments-api").title("Rotate card keys"));

        var warned = submitted("U0BOB", form(AT.plusSeconds(30 * 60), "payments-api").title("Migrate ledger"));

        assertThat(warned).contains("\"response_action\":\"update\"", "Requested CHG-2", "*same service* with *CHG-1*",
                "`/change cancel CHG-2` and request it again there");
        assertThat(db.count("change_request")).isEqualTo(2);
        assertThat(db.rows("SELECT change_low, change_high, kind, requested, overlap_start, overlap_end, rule"
                + " FROM change_conflict")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("change_low", 1L).containsEntry("change_high", 2L).containsEntry("kind", "SAME_SERVICE")
                .containsEntry("requested", 2L).containsEntry("rule", "warn"));
    }

    @Test
    @DisplayName("a later conflict is told once in both threads, even when the request is delivered twice; a third change tells both")
    void laterConflictToldOnceInBothThreads() {
        submit("U0ANN", form(AT, "payments-api").title("Rotate card keys"));
        deliverAll();
        var second = SlackPayloads.viewSubmission("U0BOB", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel(CHANNEL).encode(),
                form(AT.plusSeconds(30 * 60), "payments-api").title("Migrate ledger").state());
        app.slack(second, SlackPayloads.FORM);
        app.slack(second, SlackPayloads.FORM);
        deliverAll();

        assertThat(db.count("change_request")).as("the redelivered submission records nothing more").isEqualTo(2);
        var one = ts(1);
        var two = ts(2);
        assertThat(threadPosts(one)).singleElement().satisfies(text -> assertThat(text).isEqualTo(
                ":warning: *CHG-2* (<@U0BOB>) is now planned over this change's window <!date^"
                        + Instant.parse("2026-12-02T14:30:00Z").getEpochSecond() + "^{date_short_pretty} {time}|2026-12-02"
                        + " 14:30 UTC>–<!date^" + Instant.parse("2026-12-02T14:45:00Z").getEpochSecond()
                        + "^{time}|14:45 UTC> on payments-api (same service). See `/change conflicts CHG-2`."));
        assertThat(threadPosts(two)).singleElement().satisfies(text -> assertThat(text)
                .startsWith(":warning: This change is planned over another change's window:\n• *CHG-1* (<@U0ANN>) <!date^")
                .endsWith(" on payments-api (same service)"));

        submit("U0CAT", form(AT.plusSeconds(15 * 60), "payments-api").title("Reindex payments"));
        deliverAll();

        assertThat(threadPosts(one)).hasSize(2).last().asString().contains("*CHG-3* (<@U0CAT>) is now planned over");
        assertThat(threadPosts(two)).hasSize(2).last().asString().contains("*CHG-3* (<@U0CAT>) is now planned over");
        assertThat(threadPosts(ts(3))).singleElement().asString()
                .contains("other changes' windows:", "• *CHG-1* (<@U0ANN>)", "• *CHG-2* (<@U0BOB>)");
        assertThat(db.count("change_conflict")).isEqualTo(3);
    }

    @Test
    @DisplayName("a change to a service depending on another's (depends_on) conflicts with it, told in both threads")
    void dependency() {
        submit("U0ANN", form(AT, "payments-api").title("Rotate card keys"));
        deliverAll();
        submit("U0BOB", form(AT.plusSeconds(30 * 60), "checkout").title("New checkout flow"));
        deliverAll();

        assertThat(threadPosts(ts(1))).singleElement().asString()
                .contains("*CHG-2* (<@U0BOB>) is now planned over", "(dependency)", "checkout", "payments-api");
        assertThat(threadPosts(ts(2))).singleElement().asString().contains("*CHG-1* (<@U0ANN>)", "(dependency)");
        assertThat(db.rows("SELECT kind FROM change_conflict")).extracting(row -> row.get("kind"))
                .containsExactly("DEPENDENCY");
    }

    @Test
    @DisplayName("a conflict recorded again (another instance, a retry), either way round, is not recorded or told again")
    void recordedOnce() {
        submit("U0ANN", form(AT, "payments-api").title("Rotate card keys"));
        submit("U0BOB", form(AT.plusSeconds(30 * 60), "payments-api").title("Migrate ledger"));
        var ledger = app.bean(dev.changebot.application.port.ConflictLedger.class);
        var transactions = app.bean(dev.changebot.application.port.Transactions.class);
        var overlap = new dev.changebot.domain.calendar.TimeSpan(AT.plusSeconds(30 * 60), AT.plusSeconds(45 * 60));
        var again = new dev.changebot.domain.schedule.RecordedConflict(new dev.changebot.domain.change.ChangeId(2),
                new dev.changebot.domain.change.ChangeId(1), dev.changebot.domain.schedule.Conflict.Kind.SAME_SERVICE,
                overlap, clock.instant(), dev.changebot.domain.policy.ConflictRule.WARN);
        var reversed = new dev.changebot.domain.schedule.RecordedConflict(new dev.changebot.domain.change.ChangeId(1),
                new dev.changebot.domain.change.ChangeId(2), dev.changebot.domain.schedule.Conflict.Kind.SAME_SERVICE,
                overlap, clock.instant(), dev.changebot.domain.policy.ConflictRule.WARN);

        assertThat(transactions.inTransaction(() -> ledger.recordNew(FakeSlackApi.TEAM_ID, List.of(again, reversed))))
                .isEmpty();
        assertThat(db.count("change_conflict")).isEqualTo(1);
        assertThat(transactions.inTransaction(() -> ledger.partnersOf(FakeSlackApi.TEAM_ID,
                new dev.changebot.domain.change.ChangeId(1)))).containsExactly(new dev.changebot.domain.change.ChangeId(2));
    }

    @Test
    @DisplayName("at most 3 other changes are told per request; the new change's thread says how many more")
    void atMostThreeTold() {
        for (var owner : List.of("U0A1", "U0A2", "U0A3", "U0A4")) {
            submit(owner, form(AT, "payments-api").title("Change by " + owner));
        }
        deliverAll();
        slack.clear();

        submit("U0NEW", form(AT, "payments-api").title("One too many"));
        deliverAll();

        var told = slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") != null).toList();
        assertThat(told).hasSize(4);
        assertThat(threadPosts(ts(5))).singleElement().asString()
                .contains("• *CHG-1*", "• *CHG-2*", "• *CHG-3*", "…and 1 more: see `/change conflicts CHG-5`.")
                .doesNotContain("CHG-4");
        assertThat(threadPosts(ts(4))).as("CHG-4 was not told of CHG-5").noneMatch(t -> t.contains("CHG-5"));
        assertThat(db.rows("SELECT change_low FROM change_conflict WHERE change_high = 5")).hasSize(4);
    }

    @Test
    @DisplayName("each change's message shows its open conflicts; a cancelled change no longer shows on the other's")
    void messageLine() {
        submit("U0ANN", form(AT, "payments-api").title("Rotate card keys"));
        deliverAll();
        assertThat(contextTexts(lastMessage(1))).noneMatch(t -> t.contains("Conflicts:"));

        submit("U0BOB", form(AT.plusSeconds(30 * 60), "payments-api").title("Migrate ledger"));
        deliverAll();

        var line = ":warning: Conflicts: *CHG-2* (same service, <@U0BOB>, <!date^"
                + Instant.parse("2026-12-02T14:30:00Z").getEpochSecond();
        assertThat(contextTexts(lastMessage(1))).anySatisfy(t -> assertThat(t).startsWith(line));
        assertThat(contextTexts(lastMessage(2))).anySatisfy(t -> assertThat(t)
                .startsWith(":warning: Conflicts: *CHG-1* (same service, <@U0ANN>, "));

        app.slack(SlashCommands.of("U0BOB", CHANNEL, "cancel CHG-2"), SlackPayloads.FORM);
        deliverAll();

        assertThat(contextTexts(lastMessage(1))).as("CHG-2 cancelled: CHG-1's message is refreshed without it")
                .noneMatch(t -> t.contains("Conflicts:"));
        assertThat(contextTexts(lastMessage(2))).noneMatch(t -> t.contains("Conflicts:"));
    }

    /** The change's message as last sent: its latest chat.update, or its post. */
    private SlackCall lastMessage(long number) {
        var ts = ts(number);
        var updates = slack.calls("chat.update").stream().filter(c -> ts.equals(c.param("ts"))).toList();
        if (!updates.isEmpty()) {
            return updates.get(updates.size() - 1);
        }
        var text = "CHG-" + number + ":";
        return slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") == null)
                .filter(c -> c.param("text") != null && c.param("text").startsWith(text)).findFirst().orElseThrow();
    }

    private static List<String> contextTexts(SlackCall call) {
        var texts = new java.util.ArrayList<String>();
        for (var block : call.blocks()) {
            var object = block.getAsJsonObject();
            if ("context".equals(object.get("type").getAsString())) {
                object.getAsJsonArray("elements").forEach(e -> texts.add(e.getAsJsonObject().get("text").getAsString()));
            }
        }
        return texts;
    }
}
