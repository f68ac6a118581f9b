package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.change.StageSignoff;
import dev.changebot.domain.change.StoredChange;
import dev.changebot.domain.policy.CalendarState;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.rules.Actor;
import dev.changebot.domain.rules.ChangeCommand;
import dev.changebot.domain.rules.ChangeRules;
import dev.changebot.domain.rules.Situation;
import dev.changebot.domain.rules.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * chat-backend, Change Windows: "Fallback: Second Tuesday if first window fails" (issue 15, item 5):
 * a high-risk change that failed or was rolled back in its first Tuesday may be retried in the
 * second Tuesday's window, and nowhere outside the class's windows; a class without a fallback
 * window does not retry at all.
 */
class FallbackRetryTest {

    /** March 2026: the first Tuesday is the 3rd, the second the 10th; the windows run 02:00-06:00 UTC. */
    private static final Instant FIRST_TUESDAY = Instant.parse("2026-03-03T02:30:00Z");
    private static final Instant SECOND_TUESDAY = Instant.parse("2026-03-10T03:00:00Z");
    private static final Policy POLICY = ((PolicyLoad.Loaded) PolicyFiles.load("preset:chat-backend")).policy();
    private static final Actor REQUESTER = Actor.person("U0DEV", Set.of());

    @Test
    @DisplayName("chat-backend: a high-risk change rolled back in its first window is retried in the second Tuesday's window")
    void rolledBackRetriedInTheFallbackWindow() {
        var change = change("high", ChangeState.ROLLED_BACK);

        var verdict = start(change, REQUESTER, SECOND_TUESDAY);

        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        var retried = (ChangeEvent.ChangeRetried) verdict.events().get(0);
        assertThat(retried.after()).isEqualTo(ChangeState.ROLLED_BACK);
        change.apply(retried);
        assertThat(change.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(change.stagesPassed()).as("the retry deploys from the start").isEmpty();
        assertThat(change.rolloutPercent()).isZero();
    }

    @Test
    @DisplayName("a retry asks again for the approvals given before the failed attempt's stages")
    void retryAsksForStageApprovalsAgain() {
        var signoff = new StageSignoff("production 25%", "sre", "U0SRE", FIRST_TUESDAY.plusSeconds(600),
                List.of("sre"));
        var change = Change.restore(new StoredChange(new ChangeId(1), "T0", "U0DEV", "C0CHANGES", "high",
                details(), FIRST_TUESDAY.minusSeconds(30 * 86_400), ChangeState.ROLLED_BACK, List.of(), null, null,
                null, null, null, 50, List.of("staging", "production 5%"), null, null, List.of(signoff), List.of()));
        assertThat(change.stageSignoffs()).containsExactly(signoff);

        var verdict = start(change, REQUESTER, SECOND_TUESDAY);
        change.apply(verdict.events().get(0));

        assertThat(change.state()).isEqualTo(ChangeState.IN_PROGRESS);
        assertThat(change.stageSignoffs()).as("given for the rolled-back attempt").isEmpty();
    }

    @Test
    @DisplayName("chat-backend: a failed high-risk change is not retried outside the windows (a Wednesday afternoon)")
    void notOutsideTheWindows() {
        var verdict = start(change("high", ChangeState.FAILED), REQUESTER, Instant.parse("2026-03-11T14:00:00Z"));

        assertThat(verdict).isInstanceOf(Verdict.Refused.class);
        assertThat(((Verdict.Refused) verdict).reason()).contains("CHG-1 is failed", "fallback window",
                "request it again with `/change new`");
    }

    @Test
    @DisplayName("chat-backend: a medium-risk change has no fallback window, so its retry is a new request")
    void noFallbackNoRetry() {
        var verdict = start(change("medium", ChangeState.ROLLED_BACK), REQUESTER, Instant.parse("2026-03-11T11:00:00Z"));

        assertThat(((Verdict.Refused) verdict).reason()).contains("no fallback window", "`/change new`");
    }

    @Test
    @DisplayName("only the requester or a role holder retries it")
    void notByAnyone() {
        var verdict = start(change("high", ChangeState.ROLLED_BACK), Actor.person("U0OTHER", Set.of()), SECOND_TUESDAY);

        assertThat(((Verdict.Refused) verdict).reason()).contains("Only the requester of CHG-1");
    }

    private static Verdict start(Change change, Actor actor, Instant now) {
        return new ChangeRules().decide(change, new ChangeCommand.Start(Optional.empty()), actor,
                new Situation(POLICY, now, () -> CalendarState.QUIET, Map.of()));
    }

    private static ChangeDetails details() {
        return new ChangeDetails("Migrate the chat store", "d", null, "db", "production", null, null, null, null,
                FIRST_TUESDAY, null, Map.of());
    }

    private static Change change(String changeClass, ChangeState state) {
        return Change.restore(new StoredChange(new ChangeId(1), "T0", "U0DEV", "C0CHANGES", changeClass, details(),
                FIRST_TUESDAY.minusSeconds(30 * 86_400), state, List.of(), null, null, null, null, null, 50,
                List.of("staging", "production 5%", "production 25%"), null, null));
    }
}
