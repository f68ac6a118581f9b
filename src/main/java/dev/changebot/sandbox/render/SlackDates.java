package dev.changebot.sandbox.render;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's {@code <!date^epoch^format^link|fallback>} tokens, shown in the reader's zone as Slack's
 * "date formatting" reference describes them ({@code {date_num}} 2014-02-18, {@code {date}} February
 * 18th, 2014, {@code {date_short}} Feb 18, 2014, {@code {time}} 6:39 AM, ...). Text around the tokens is
 * kept; a format with an unknown token or an unreadable epoch shows the fallback, as Slack does.
 */
final class SlackDates {

    private static final Pattern TOKEN = Pattern.compile("\\{([a-z_]+)}");
    private static final Locale EN = Locale.US;
    private static final DateTimeFormatter NUM = DateTimeFormatter.ofPattern("yyyy-MM-dd", EN);
    private static final DateTimeFormatter SLASH = DateTimeFormatter.ofPattern("dd/MM/yyyy", EN);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d, yyyy", EN);
    private static final DateTimeFormatter LONG_FULL = DateTimeFormatter.ofPattern("MMMM d, yyyy", EN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", EN);
    private static final DateTimeFormatter TIME_SECS = DateTimeFormatter.ofPattern("h:mm:ss a", EN);

    private SlackDates() {
    }

    /** The formatted text, or null when Slack would show the fallback instead. */
    static String format(String epochSeconds, String format, RenderContext context) {
        long epoch;
        try {
            epoch = Long.parseLong(epochSeconds.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        ZonedDateTime at = Instant.ofEpochSecond(epoch).atZone(context.zone());
        LocalDate today = context.now().atZone(context.zone()).toLocalDate();
        Matcher matcher = TOKEN.matcher(format);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = token(matcher.group(1), at, today, context.now());
            if (value == null) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String token(String name, ZonedDateTime at, LocalDate today, Instant now) {
        switch (name) {
            case "date_num": return NUM.format(at);
            case "date_slash": return SLASH.format(at);
            case "date": return date(at);
            case "date_short": return SHORT.format(at);
            case "date_long": return longDate(at, true);
            case "date_long_full": return LONG_FULL.format(at);
            case "date_pretty": return pretty(at, today, date(at));
            case "date_short_pretty": return pretty(at, today, SHORT.format(at));
            case "date_long_pretty": return pretty(at, today, longDate(at, true));
            case "day_divider_pretty":
                return pretty(at, today, longDate(at, at.getYear() != today.getYear()));
            case "time": return TIME.format(at);
            case "time_secs": return TIME_SECS.format(at);
            case "ago": return ago(Duration.between(at.toInstant(), now));
            default: return null;
        }
    }

    /** "February 18th, 2014". */
    private static String date(ZonedDateTime at) {
        return at.getMonth().getDisplayName(java.time.format.TextStyle.FULL, EN) + " " + ordinal(at.getDayOfMonth())
                + ", " + at.getYear();
    }

    /** "Tuesday, February 18th, 2014" (or without the year). */
    private static String longDate(ZonedDateTime at, boolean withYear) {
        String text = at.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, EN) + ", "
                + at.getMonth().getDisplayName(java.time.format.TextStyle.FULL, EN) + " " + ordinal(at.getDayOfMonth());
        return withYear ? text + ", " + at.getYear() : text;
    }

    private static String pretty(ZonedDateTime at, LocalDate today, String otherwise) {
        long days = at.toLocalDate().toEpochDay() - today.toEpochDay();
        if (days == 0) {
            return "today";
        }
        if (days == -1) {
            return "yesterday";
        }
        if (days == 1) {
            return "tomorrow";
        }
        return otherwise;
    }

    private static String ordinal(int day) {
        if (day >= 11 && day <= 13) {
            return day + "th";
        }
        switch (day % 10) {
            case 1: return day + "st";
            case 2: return day + "nd";
            case 3: return day + "rd";
            default: return day + "th";
        }
    }

    /** "3 minutes ago", "in 2 hours". */
    private static String ago(Duration sinceThen) {
        long seconds = Math.abs(sinceThen.getSeconds());
        String amount;
        if (seconds < 60) {
            amount = plural(seconds, "second");
        } else if (seconds < 3600) {
            amount = plural(seconds / 60, "minute");
        } else if (seconds < 86_400) {
            amount = plural(seconds / 3600, "hour");
        } else {
            amount = plural(seconds / 86_400, "day");
        }
        return sinceThen.isNegative() ? "in " + amount : amount + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
