package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.ChangeForms;
import dev.changebot.support.SlackPayloads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two conflicting requests submitted together. conflicts: block is the policy, so it holds for them: one is
 * recorded and the other refused, never both recorded. conflicts: warn records both, and their conflict:
 * the later one's recording sees the change the other recorded after its check read the calendar.
 */
@Timeout(180)
class ConflictRaceTest extends OnConflictsPolicy {
    /** Weekdays from Wednesday 2 December (the policy freezes weekends), one round each. */
    static final List<Integer> DAYS = List.of(0, 1, 2, 5, 6, 7);

    @Test
    @DisplayName("two conflicting requests of a block class at once: one recorded, the other refused, every time")
    void oneOfTwoAtOnce() throws Exception {
        for (int round = 0; round < DAYS.size(); round++) {
            var bodies = submitTogether(round, "major");

            assertThat(db.count("change_request")).as("round %d: %s", round, bodies).isEqualTo(round + 1L);
            assertThat(bodies).as("round %d", round).filteredOn(body -> body.contains("refuses a change that conflicts"))
                    .hasSize(1);
        }
    }

    @Test
    @DisplayName("two conflicting requests of a warn class at once: both recorded, and their conflict, every time")
    void bothOfTwoAtOnceWithTheirConflict() throws Exception {
        for (int round = 0; round < DAYS.size(); round++) {
            var bodies = submitTogether(round, "normal");

            assertThat(db.count("change_request")).as("round %d: %s", round, bodies).isEqualTo(2L * (round + 1));
            assertThat(db.count("change_conflict")).as("round %d: %s", round, bodies).isEqualTo(round + 1L);
        }
    }

    /** Ann's and Bob's requests of {@code changeClass}, 20 minutes apart on the round's day, sent at once; the answers. */
    private List<String> submitTogether(int round, String changeClass) throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            // Each round on a day of its own, so rounds do not conflict with each other.
            var start = Instant.parse("2026-12-02T14:00:00Z").plus(Duration.ofDays(DAYS.get(round)));
            var go = new CountDownLatch(1);
            var answers = new ArrayList<Future<String>>();
            for (var user : List.of("U0ANN", "U0BOB")) {
                var form = ChangeForms.complete(start.plus(Duration.ofMinutes(user.equals("U0ANN") ? 0 : 20)))
                        .forService("payments-api").text(SlackIds.SYSTEMS_AFFECTED, user).inClass(changeClass);
                var payload = SlackPayloads.viewSubmission(user, SlackIds.NEW_CHANGE_MODAL,
                        ChangeRef.inChannel(CHANNEL).encode(), form.state());
                answers.add(pool.submit(() -> {
                    go.await(10, TimeUnit.SECONDS);
                    return app.slack(payload, SlackPayloads.FORM).body();
                }));
            }
            go.countDown();
            var bodies = new ArrayList<String>();
            for (var answer : answers) {
                bodies.add(answer.get(60, TimeUnit.SECONDS));
            }
            return bodies;
        } finally {
            pool.shutdownNow();
        }
    }
}
