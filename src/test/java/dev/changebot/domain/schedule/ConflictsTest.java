package dev.changebot.domain.schedule;

import static dev.changebot.domain.schedule.SchedulePolicies.NOW;
import static dev.changebot.domain.schedule.SchedulePolicies.change;
import static dev.changebot.domain.schedule.SchedulePolicies.newYork;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.domain.policy.CalendarState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every conflict of a planned window, each kind alone and several at once, and the next free slot. */
class ConflictsTest {

    static TimeSpan span(String start, String end) {
        return new TimeSpan(Instant.parse(start), Instant.parse(end));
    }

    static List<Conflict> conflicts(ScheduledChange subject, ScheduledChange... others) {
        return Conflicts.of(newYork(), CalendarState.QUIET, subject, List.of(others), NOW);
    }

    // Tuesday 1 December: business hours are 15:00–21:00 UTC (10:00–16:00 in New York).
    @Test
    @DisplayName("another change to the same service at an overlapping time, with the overlap")
    void sameService() {
        var subject = change(1, "U_ANN", "api", "", "2026-12-01T15:00:00Z", 2);
        var other = change(2, "U_BEN", "api", "", "2026-12-01T16:00:00Z", 2);

        assertThat(conflicts(subject, other)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Conflict.Kind.SAME_SERVICE);
            assertThat(c.other()).contains(other);
            assertThat(c.overlap()).isEqualTo(span("2026-12-01T16:00:00Z", "2026-12-01T17:00:00Z"));
        });
    }

    @Test
    @DisplayName("another service naming one of the same systems (free text, any case, any separator)")
    void sameSystem() {
        var subject = change(1, "U_ANN", "api", "billing-db, queue", "2026-12-01T15:00:00Z", 2);
        var other = change(2, "U_BEN", "worker", "cache;\nBilling-DB", "2026-12-01T15:30:00Z", 1);
        var unrelated = change(3, "U_CAT", "worker", "cache", "2026-12-01T15:30:00Z", 1);

        assertThat(conflicts(subject, other, unrelated)).extracting(Conflict::kind, c -> c.other().orElseThrow().id().number())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Conflict.Kind.SAME_SYSTEM, 2L));
    }

    @Test
    @DisplayName("a change to a service the other's depends on (the policy's depends_on), either way; unrelated services are not")
    void dependency() {
        Conflicts.Dependencies homepageOnApi = (a, b) -> Set.of(a, b).equals(Set.of("homepage", "api"));
        var subject = change(1, "U_ANN", "api", "", "2026-12-01T15:00:00Z", 2);
        var dependent = change(2, "U_BEN", "homepage", "", "2026-12-01T16:00:00Z", 2);
        var unrelated = change(3, "U_CAT", "worker", "", "2026-12-01T15:00:00Z", 2);
        var afterwards = change(4, "U_DAN", "homepage", "", "2026-12-01T17:00:00Z", 1);

        assertThat(Conflicts.withChanges(subject, List.of(dependent, unrelated, afterwards), NOW, homepageOnApi))
                .singleElement().satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(Conflict.Kind.DEPENDENCY);
                    assertThat(c.other()).contains(dependent);
                    assertThat(c.overlap()).isEqualTo(span("2026-12-01T16:00:00Z", "2026-12-01T17:00:00Z"));
                });
        assertThat(Conflicts.withChanges(dependent, List.of(subject), NOW, homepageOnApi))
                .extracting(Conflict::kind).containsExactly(Conflict.Kind.DEPENDENCY);
        assertThat(Conflicts.withChanges(subject, List.of(dependent), NOW)).as("without depends_on").isEmpty();
        assertThat(conflicts(subject, dependent)).as("a policy declaring none").isEmpty();
    }

    @Test
    @DisplayName("a rollout under way on the same service, even when it overruns its planned end")
    void rolloutInProgress() {
        var rollout = change(2, "U_BEN", "api", "", Instant.parse("2026-12-01T12:00:00Z"), 1, ChangeState.IN_PROGRESS);
        var subject = change(1, "U_ANN", "api", "", "2026-12-01T15:00:00Z", 2);
        var later = change(3, "U_ANN", "api", "", "2026-12-02T15:00:00Z", 2);

        // Planned to end at 13:00, still rolling out at 14:00 (now): a change starting at 15:00 waits for it.
        assertThat(conflicts(subject, rollout)).extracting(Conflict::kind).containsExactly(Conflict.Kind.ROLLOUT_IN_PROGRESS);
        var soaking = change(2, "U_BEN", "api", "", Instant.parse("2026-12-01T12:00:00Z"), 30, ChangeState.SOAKING);
        assertThat(conflicts(later, soaking)).extracting(Conflict::kind).containsExactly(Conflict.Kind.ROLLOUT_IN_PROGRESS);
        var done = change(2, "U_BEN", "api", "", Instant.parse("2026-12-01T12:00:00Z"), 1, ChangeState.COMPLETED);
        assertThat(conflicts(subject, done)).isEmpty();
        // The free slot waits for the soaking rollout's planned end (Wednesday 18:00), still in business hours.
        assertThat(Conflicts.nextFreeSlot(newYork(), CalendarState.QUIET, later, List.of(soaking), NOW))
                .contains(span("2026-12-02T18:00:00Z", "2026-12-02T20:00:00Z"));
    }

    @Test
    @DisplayName("a planned window running into the weekend freeze, and one in an incident's freeze")
    void freezes() {
        // Friday 4 December 15:00–18:00 in New York: the weekend freeze starts at 16:00 (21:00 UTC).
        var friday = change(1, "U_ANN", "api", "", "2026-12-04T20:00:00Z", 3);

        assertThat(conflicts(friday)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Conflict.Kind.FREEZE);
            assertThat(c.rule()).contains("the weekend freeze");
            assertThat(c.overlap()).isEqualTo(span("2026-12-04T21:00:00Z", "2026-12-04T23:00:00Z"));
        });
        var incident = new CalendarState(List.of(), Map.of("P1", List.of(span("2026-12-01T14:30:00Z", "2026-12-01T15:30:00Z"))));
        var tuesday = change(2, "U_ANN", "api", "", "2026-12-01T15:00:00Z", 2);
        assertThat(Conflicts.of(newYork(), incident, tuesday, List.of(), NOW)).singleElement().satisfies(c -> {
            assertThat(c.rule()).contains("the incident freeze");
            assertThat(c.overlap()).isEqualTo(span("2026-12-01T15:00:00Z", "2026-12-01T15:30:00Z"));
        });
    }

    @Test
    @DisplayName("a planned start outside the class's windows; a class with no windows may start any time")
    void outsideTheWindows() {
        // 08:00 in New York, before business hours.
        var early = change(1, "U_ANN", "api", "", "2026-12-01T13:00:00Z", 1);

        assertThat(conflicts(early)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Conflict.Kind.OUTSIDE_WINDOWS);
            assertThat(c.rule()).contains("the windows for Normal change");
        });
        var standard = new ScheduledChange(early.id(), "t", "standard", "Standard change", "U_ANN", Optional.of("api"),
                "", "production", "low", ChangeState.APPROVED, early.window(), "approved");
        assertThat(conflicts(standard)).isEmpty();
    }

    @Test
    @DisplayName("the same person carrying out two changes at once, on different services")
    void samePerson() {
        var subject = change(1, "U_ANN", "api", "", "2026-12-01T15:00:00Z", 2);
        var other = change(2, "U_ANN", "worker", "", "2026-12-01T16:30:00Z", 2);

        assertThat(conflicts(subject, other)).extracting(Conflict::kind).containsExactly(Conflict.Kind.SAME_PERSON);
    }

    @Test
    @DisplayName("every conflict is listed, not only the first")
    void severalAtOnce() {
        var subject = change(1, "U_ANN", "api", "", "2026-12-04T20:00:00Z", 3);
        var sameServiceSamePerson = change(2, "U_ANN", "api", "", "2026-12-04T19:00:00Z", 2);
        var sameService = change(3, "U_BEN", "api", "", "2026-12-04T20:30:00Z", 1);

        assertThat(conflicts(subject, sameServiceSamePerson, sameService)).extracting(Conflict::key).containsExactly(
                "SAME_SERVICE:CHG-2", "SAME_PERSON:CHG-2", "SAME_SERVICE:CHG-3", "FREEZE:the weekend freeze");
    }

    @Test
    @DisplayName("back-to-back windows do not conflict; neither does a cancelled or rejected change, nor the change itself")
    void notConflicts() {
        var subject = change(1, "U_ANN", "api", "db", "2026-12-01T15:00:00Z", 2);
        var after = change(2, "U_ANN", "api", "db", "2026-12-01T17:00:00Z", 2);
        var before = change(3, "U_ANN", "api", "db", "2026-12-01T13:00:00Z", 2);
        var cancelled = change(4, "U_ANN", "api", "db", Instant.parse("2026-12-01T15:00:00Z"), 2, ChangeState.CANCELLED);
        var rejected = change(5, "U_ANN", "api", "db", Instant.parse("2026-12-01T15:00:00Z"), 2, ChangeState.REJECTED);

        assertThat(conflicts(subject, after, before, cancelled, rejected, subject)).isEmpty();
    }

    @Test
    @DisplayName("the next free slot: past the change in the way, inside a window, out of the freeze")
    void nextFreeSlot() {
        var subject = change(1, "U_ANN", "api", "", "2026-12-01T15:00:00Z", 2);
        var busy = change(2, "U_BEN", "api", "", "2026-12-01T15:00:00Z", 5);

        assertThat(Conflicts.nextFreeSlot(newYork(), CalendarState.QUIET, subject, List.of(busy), NOW))
                .contains(span("2026-12-01T20:00:00Z", "2026-12-01T22:00:00Z"));

        // Friday 14:00 in New York, 3 hours: it would run into the weekend freeze, so Monday 10:00 is the first.
        var friday = change(3, "U_ANN", "api", "", "2026-12-04T19:00:00Z", 3);
        assertThat(Conflicts.nextFreeSlot(newYork(), CalendarState.QUIET, friday, List.of(),
                Instant.parse("2026-12-04T19:00:00Z"))).contains(span("2026-12-07T15:00:00Z", "2026-12-07T18:00:00Z"));
    }

    @Test
    @DisplayName("no free slot within 90 days when a freeze covers them all; none without a planned window")
    void noFreeSlot() {
        var frozen = new CalendarState(List.of(span("2026-11-01T00:00:00Z", "2027-06-01T00:00:00Z")), Map.of());
        var subject = change(1, "U_ANN", "api", "", "2026-12-01T15:00:00Z", 2);

        assertThat(Conflicts.nextFreeSlot(newYork(), frozen, subject, List.of(), NOW)).isEmpty();
        var unplanned = new ScheduledChange(subject.id(), "t", "normal", "Normal change", "U_ANN", Optional.of("api"), "",
                "production", "low", ChangeState.PENDING_APPROVAL, Optional.empty(), "0/1 approved");
        assertThat(Conflicts.nextFreeSlot(newYork(), CalendarState.QUIET, unplanned, List.of(), NOW)).isEmpty();
    }
}
