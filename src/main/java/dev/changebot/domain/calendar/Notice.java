package dev.changebot.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** How long before its start a change must be requested. */
public sealed interface Notice {

    /** The earliest start a change requested at {@code requestedAt} may have. */
    Instant earliestStart(Instant requestedAt, BusinessCalendar calendar);

    /** For people: "24 h", "7 days", "5 business days". */
    String describe();

    /** What a start at {@code start} of a change requested at {@code requestedAt} lacks: empty when it is given enough notice. */
    default List<String> unmetBy(Instant requestedAt, Instant start, BusinessCalendar calendar) {
        return start.isBefore(earliestStart(requestedAt, calendar)) ? List.of(describe()) : List.of();
    }

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

    /**
     * Several notices a class must all give, each with its label ("RFC / design doc 5 business days
     * ahead" and "maintenance window announced 2 weeks ahead"): the earliest start is the latest of theirs.
     */
    record All(List<Labelled> notices) implements Notice {

        /** One notice, and what it is for. */
        public record Labelled(String label, Notice notice) {
        }

        public All {
            notices = List.copyOf(notices);
            if (notices.isEmpty()) {
                throw new IllegalArgumentException("Several notices need at least one");
            }
        }

        @Override
        public Instant earliestStart(Instant requestedAt, BusinessCalendar calendar) {
            return notices.stream().map(n -> n.notice().earliestStart(requestedAt, calendar)).max(Instant::compareTo)
                    .orElseThrow();
        }

        @Override
        public String describe() {
            return String.join(" and ", notices.stream().map(All::describe).toList());
        }

        @Override
        public List<String> unmetBy(Instant requestedAt, Instant start, BusinessCalendar calendar) {
            return notices.stream().filter(n -> start.isBefore(n.notice().earliestStart(requestedAt, calendar)))
                    .map(All::describe).toList();
        }

        private static String describe(Labelled labelled) {
            return labelled.notice().describe() + " (" + labelled.label() + ")";
        }
    }
}
