package dev.changebot.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** How long before its start a change must be requested. */
public sealed interface Notice {

    /** The earliest start a change requested at {@code requestedAt} may have. */
    Instant earliestStart(Instant requestedAt, BusinessCalendar calendar);

    /** For people: "24 h", "7 days", "5 business days". */
    String describe();

    record None() implements Notice {

        @Override
        public Instant earliestStart(Instant requestedAt, BusinessCalendar calendar) {
            return requestedAt;
        }

        @Override
        public String describe() {
            return "no notice";
        }
    }

    /** Elapsed time: 7 days are 168 real hours, whatever the weekends and holidays. */
    record Elapsed(Duration duration) implements Notice {

        public Elapsed {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("A notice period must be positive, got " + duration);
            }
        }

        @Override
        public Instant earliestStart(Instant requestedAt, BusinessCalendar calendar) {
            return requestedAt.plus(duration);
        }

        @Override
        public String describe() {
            return CalendarText.duration(duration);
        }
    }

    record BusinessDays(int days) implements Notice {

        public BusinessDays {
            if (days < 1) {
                throw new IllegalArgumentException("A notice of business days needs at least one, got " + days);
            }
        }

        @Override
        public Instant earliestStart(Instant requestedAt, BusinessCalendar calendar) {
            return calendar.plusBusinessDays(requestedAt, days);
        }

        @Override
        public String describe() {
            return days == 1 ? "1 business day" : days + " business days";
        }
    }
}
