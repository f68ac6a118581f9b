package dev.changebot.domain.calendar;

import static dev.changebot.domain.calendar.CalendarFixtures.UTC;
import static dev.changebot.domain.calendar.CalendarFixtures.span;
import static dev.changebot.domain.calendar.CalendarFixtures.standardWindow;
import static dev.changebot.domain.calendar.CalendarFixtures.time;
import static dev.changebot.domain.calendar.CalendarFixtures.utc;
import static dev.changebot.domain.calendar.CalendarFixtures.weekend;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Planning the start of a change")
class StartPlannerTest {

    private static final String MEDIUM = "medium-risk change";

    private final StartPlanner planner = new StartPlanner(List.of(standardWindow()), List.of(weekend()), UTC, MEDIUM);

    @Nested
    @DisplayName("a medium-risk change on Friday 16:30 UTC")
    class FridayAfternoon {

        private final StartPlanner.Verdict verdict = planner.check(utc("2026-03-06T16:30"));

        @Test
        @DisplayName("is refused, inside the weekend freeze and outside the windows")
        void isRefused() {
            assertThat(verdict.allowed()).isFalse();
            assertThat(verdict.reasons()).containsExactly(
                    "inside the weekend freeze (Fri 16:00 → Mon 08:00 UTC)",
                    "outside the allowed windows for a medium-risk change");
            assertThat(verdict.blockingRules()).containsExactly("weekend", "standard");
        }

        @Test
        @DisplayName("may start Monday 10:00 UTC, when the next window opens")
        void mayStartWhenTheNextWindowOpens() {
            assertThat(verdict.earliestCompliantStart()).contains(utc("2026-03-09T10:00"));
        }

        @Test
        @DisplayName("is explained in one sentence")
        void isExplained() {
            assertThat(planner.explain(utc("2026-03-06T16:30"))).isEqualTo(
                    "Blocked by the weekend freeze until Mon 08:00 UTC; the earliest window for a medium-risk change"
                            + " opens Mon 10:00 UTC (2026-03-09 10:00 UTC).");
        }
    }

    @Test
    @DisplayName("Tuesday 11:00 is allowed, inside the standard window")
    void tuesdayMorningIsAllowed() {
        StartPlanner.Verdict verdict = planner.check(utc("2026-03-03T11:00"));

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.blockingRules()).isEmpty();
        assertThat(verdict.earliestCompliantStart()).contains(utc("2026-03-03T11:00"));
        assertThat(planner.explain(utc("2026-03-03T11:00"))).isEqualTo("Allowed: inside the standard window (Tue 10:00–18:00 UTC).");
    }

    @Test
    @DisplayName("Friday 14:30 is outside the windows only: the freeze has not begun")
    void outsideTheWindowsOnly() {
        StartPlanner.Verdict verdict = planner.check(utc("2026-03-06T14:30"));

        assertThat(verdict.reasons()).containsExactly("outside the allowed windows for a medium-risk change");
        assertThat(verdict.blockingRules()).containsExactly("standard");
        assertThat(planner.explain(utc("2026-03-06T14:30"))).isEqualTo(
                "Outside the allowed windows for a medium-risk change; the earliest window opens Mon 10:00 UTC (2026-03-09 10:00 UTC).");
    }

    @Nested
    @DisplayName("without windows")
    class WithoutWindows {

        private final StartPlanner anyTime = new StartPlanner(List.of(), List.of(weekend()), UTC, MEDIUM);

        @Test
        @DisplayName("any time outside the freezes is allowed")
        void anyTimeIsAllowed() {
            assertThat(anyTime.check(utc("2026-03-04T03:00")).allowed()).isTrue();
            assertThat(anyTime.explain(utc("2026-03-04T03:00")))
                    .isEqualTo("Allowed: no freeze applies and a medium-risk change may start at any time.");
        }

        @Test
        @DisplayName("a frozen start may go ahead the moment the freeze ends")
        void startWhenTheFreezeEnds() {
            assertThat(anyTime.check(utc("2026-03-07T12:00")).earliestCompliantStart()).contains(utc("2026-03-09T08:00"));
            assertThat(anyTime.explain(utc("2026-03-07T12:00"))).isEqualTo(
                    "Blocked by the weekend freeze until Mon 08:00 UTC; the earliest compliant start for a medium-risk change"
                            + " is Mon 08:00 UTC (2026-03-09 08:00 UTC).");
        }
    }

    @Nested
    @DisplayName("when windows and freezes interleave")
    class Interleaving {

        @Test
        @DisplayName("a window opening inside a freeze is skipped for the next window after it")
        void windowInsideAFreezeIsSkipped() {
            NamedSchedule memorialDay = new NamedSchedule("holidays", "the holiday freeze",
                    new HolidaySchedule(UTC, FixedHolidays.of("2026-05-25"), false));
            StartPlanner withHolidays = new StartPlanner(List.of(standardWindow()), List.of(weekend(), memorialDay), UTC, MEDIUM);

            assertThat(withHolidays.earliestCompliantStart(utc("2026-05-22T16:30"))).contains(utc("2026-05-26T10:00"));
        }

        @Test
        @DisplayName("a freeze ending inside a window lets the change start right then")
        void freezeEndingInsideAWindow() {
            NamedSchedule release = new NamedSchedule("release", "the release freeze",
                    FixedSchedule.of(span("2026-03-10T09:00:00Z", "2026-03-10T12:00:00Z")));
            StartPlanner withRelease = new StartPlanner(List.of(standardWindow()), List.of(weekend(), release), UTC, MEDIUM);

            assertThat(withRelease.check(utc("2026-03-10T10:30")).earliestCompliantStart()).contains(utc("2026-03-10T12:00"));
            assertThat(withRelease.explain(utc("2026-03-10T10:30"))).isEqualTo(
                    "Blocked by the release freeze until Tue 12:00 UTC; the earliest compliant start for a medium-risk change"
                            + " is Tue 12:00 UTC (2026-03-10 12:00 UTC).");
        }

        @Test
        @DisplayName("two freezes at once are both named; the start waits for the later one and then the next window")
        void twoFreezesAtOnce() {
            NamedSchedule yearEnd = new NamedSchedule("year-end", "the year-end freeze",
                    new YearlySchedule(UTC, MonthDay.of(12, 24), MonthDay.of(1, 1)));
            StartPlanner withYearEnd = new StartPlanner(List.of(standardWindow()), List.of(weekend(), yearEnd), UTC, MEDIUM);

            StartPlanner.Verdict verdict = withYearEnd.check(utc("2026-12-26T12:00"));

            assertThat(verdict.blockingRules()).containsExactly("weekend", "year-end", "standard");
            assertThat(verdict.reasons()).contains("inside the year-end freeze (Thu 2026-12-24 00:00 → Sat 2027-01-02 00:00 UTC)");
            assertThat(verdict.earliestCompliantStart()).contains(utc("2027-01-04T10:00"));
            assertThat(withYearEnd.explain(utc("2026-12-26T12:00"))).isEqualTo(
                    "Blocked by the weekend freeze until Mon 08:00 UTC and by the year-end freeze until Sat 00:00 UTC"
                            + " (2027-01-02 00:00 UTC); the earliest window for a medium-risk change opens Mon 10:00 UTC"
                            + " (2027-01-04 10:00 UTC).");
        }

        @Test
        @DisplayName("with several windows, the earliest opening wins")
        void earliestOfSeveralWindows() {
            NamedSchedule maintenance = new NamedSchedule("maintenance", "the maintenance window",
                    new RecurrenceSchedule(UTC, new FirstTuesdayOfEachMonth(), time("02:00"), Duration.ofHours(4)));
            StartPlanner twoWindows = new StartPlanner(List.of(standardWindow(), maintenance), List.of(weekend()), UTC, MEDIUM);

            assertThat(twoWindows.earliestCompliantStart(utc("2026-04-06T17:00"))).contains(utc("2026-04-07T02:00"));
        }
    }

    @Nested
    @DisplayName("when nothing complies for three years")
    class NoCompliantStart {

        @Test
        @DisplayName("windows that never open give no start, and say so")
        void windowsThatNeverOpen() {
            StartPlanner closed = new StartPlanner(List.of(new NamedSchedule("none", "no window", Schedule.never())), List.of(), UTC, MEDIUM);

            assertThat(closed.check(utc("2026-03-03T11:00")).earliestCompliantStart()).isEmpty();
            assertThat(closed.explain(utc("2026-03-03T11:00")))
                    .isEqualTo("Outside the allowed windows for a medium-risk change; no compliant start in the next 3 years.");
        }

        @Test
        @DisplayName("a freeze with no end gives no start, and says so")
        void freezeWithoutEnd() {
            StartPlanner frozen = new StartPlanner(List.of(standardWindow()),
                    List.of(new NamedSchedule("moratorium", "the moratorium", Schedule.always())), UTC, MEDIUM);

            assertThat(frozen.check(utc("2026-03-03T11:00")).earliestCompliantStart()).isEmpty();
            assertThat(frozen.explain(utc("2026-03-03T11:00")))
                    .isEqualTo("Blocked by the moratorium with no end in the next 3 years; no compliant start in the next 3 years.");
        }

        @Test
        @DisplayName("a freeze covering every window for four years gives no start")
        void freezeCoveringEveryWindow() {
            NamedSchedule longFreeze = new NamedSchedule("migration", "the migration freeze",
                    FixedSchedule.of(span("2026-03-01T00:00:00Z", "2030-03-01T00:00:00Z")));
            StartPlanner frozen = new StartPlanner(List.of(standardWindow()), List.of(longFreeze), UTC, MEDIUM);

            assertThat(frozen.earliestCompliantStart(utc("2026-03-03T11:00"))).isEmpty();
        }
    }
}
