package dev.changebot.domain.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The days an evidence pack covers, {@code first} to {@code last} inclusive, in the policy's time
 * zone: a change belongs to the period when it was requested (or declared) between the start of
 * {@code first} and the end of {@code last} there. {@code label} is how it was asked for.
 */
public record Period(String label, LocalDate first, LocalDate last, ZoneId zone) {

    /** Longer periods are refused: a year is what an audit samples, and one pack stays a file a person can open. */
    public static final int MAX_DAYS = 366;

    public Period {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("A period ends on or after its first day");
        }
    }

    /** The first moment in the period. */
    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The first moment after the period (exclusive end). */
    public Instant until() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long days() {
        return java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** "2026-07-01..2026-09-30 (Europe/Berlin)": what the pack's README and summary say. */
    public String describe() {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(first) + ".." + DateTimeFormatter.ISO_LOCAL_DATE.format(last)
                + " (" + zone.getId() + ")";
    }

    /** A file name part: "2026-Q3" as asked, or the two dates. */
    public String fileLabel() {
        return label.replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
