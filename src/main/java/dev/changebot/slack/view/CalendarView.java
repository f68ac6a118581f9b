package dev.changebot.slack.view;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.schedule.CalendarDay;
import dev.changebot.domain.schedule.CalendarFreeze;
import dev.changebot.domain.schedule.CalendarWindow;
import dev.changebot.domain.schedule.ChangeCalendar;
import dev.changebot.domain.schedule.ScheduledChange;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * `/change calendar`: a period day by day in the reader's zone, each time with its UTC beside it.
 * A pure function of the calendar; long periods are cut to Slack's 50 blocks with "and N more".
 */
public final class CalendarView {

    /** Days shown as sections; with the header, the zone note, the earliest starts and the unscheduled: 45 blocks. */
    static final int MAX_DAY_SECTIONS = 40;
    /** Entries of one day before "and N more". */
    static final int MAX_PER_DAY = 15;
    /** A title or reason is cut here; the change's message shows it whole. */
    static final int MAX_USER_TEXT = 150;
    /** Sections of the App Home's next 7 days (its view holds 100 blocks in all; see {@link HomeTab}). */
    static final int HOME_SECTIONS = 4;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private CalendarView() {
    }

    /** The notification text, where blocks cannot be shown. */
    public static String fallbackText(ChangeCalendar calendar) {
        long changes = calendar.days().stream().flatMap(d -> d.changes().stream()).distinct().count();
        long freezes = calendar.days().stream().flatMap(d -> d.freezes().stream()).distinct().count();
        return "Change calendar, " + calendar.period().label() + scope(calendar) + ": " + changes + " scheduled "
                + (changes == 1 ? "change" : "changes") + ", " + freezes + " " + (freezes == 1 ? "freeze" : "freezes") + ".";
    }

    public static List<LayoutBlock> blocks(ChangeCalendar calendar) {
        var blocks = new ArrayList<LayoutBlock>();
        blocks.add(header(h -> h.text(plainText(Cut.plain("Change calendar: " + calendar.period().label()
                + scope(calendar), SlackLimits.HEADER_TEXT)))));
        blocks.add(context(c -> c.elements(List.of(markdownText("Days and times in your time zone, "
                + calendar.zone().getId() + ", with UTC in brackets.")))));
        blocks.add(section(s -> s.text(markdownText(Cut.mrkdwn(earliest(calendar), SlackLimits.SECTION_TEXT)))));
        var days = calendar.days().stream().filter(d -> !d.isEmpty()).toList();
        if (days.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("Nothing scheduled, frozen or open in this period."))));
        }
        for (int i = 0; i < days.size() && i < MAX_DAY_SECTIONS; i++) {
            var text = dayText(days.get(i), calendar.zone(), MAX_PER_DAY);
            blocks.add(section(s -> s.text(markdownText(text))));
        }
        if (days.size() > MAX_DAY_SECTIONS) {
            int more = days.size() - MAX_DAY_SECTIONS;
            blocks.add(section(s -> s.text(markdownText("…and " + more + " more " + (more == 1 ? "day" : "days")
                    + ": ask for a shorter period, e.g. `/change calendar 7d`."))));
        }
        if (!calendar.unscheduled().isEmpty()) {
            var lines = new ArrayList<String>();
            lines.add("*Not on the calendar* (no planned start or duration)");
            calendar.unscheduled().forEach(c -> lines.add(changeLine(c, null, calendar.zone())));
            blocks.add(section(s -> s.text(markdownText(Cut.lines(lines, SlackLimits.SECTION_TEXT,
                    n -> "…and " + n + " more. `/change list` shows every open change.")))));
        }
        return blocks;
    }

    /** The App Home's next 7 days: at most {@link #HOME_SECTIONS} sections. */
    public static List<String> homeSections(ChangeCalendar calendar) {
        var lines = new ArrayList<String>();
        calendar.days().stream().filter(d -> !d.isEmpty()).forEach(day -> lines.add(dayText(day, calendar.zone(), 6)));
        if (lines.isEmpty()) {
            lines.add("Nothing scheduled, frozen or open in the next 7 days.");
        }
        return Cut.chunks(lines, SlackLimits.SECTION_TEXT, HOME_SECTIONS,
                n -> "…and " + n + " more days. `/change calendar` shows them all.");
    }

    private static String scope(ChangeCalendar calendar) {
        return calendar.service().map(s -> " · " + s).orElse("");
    }

    private static String earliest(ChangeCalendar calendar) {
        var lines = new ArrayList<String>();
        lines.add("*Earliest compliant start from now*");
        calendar.earliestStartByClass().forEach((label, start) -> lines.add("• " + Mrkdwn.escape(label) + ": "
                + start.map(at -> at.atZone(calendar.zone()).format(DAY_HOUR) + " ("
                        + at.atZone(ZoneOffset.UTC).format(DAY_HOUR) + " UTC)").orElse("none in the next 3 years")));
        return String.join("\n", lines);
    }

    static String dayText(CalendarDay day, ZoneId zone, int maxEntries) {
        var lines = new ArrayList<String>();
        day.freezes().forEach(f -> lines.add(freezeLine(f, day.date(), zone)));
        day.changes().forEach(c -> lines.add(changeLine(c, day.date(), zone)));
        day.windows().forEach(w -> lines.add(windowLine(w, day.date(), zone)));
        var shown = new ArrayList<String>();
        shown.add("*" + day.date().format(DAY) + "*");
        shown.addAll(lines.subList(0, Math.min(lines.size(), maxEntries)));
        int hidden = lines.size() - Math.min(lines.size(), maxEntries);
        if (hidden > 0) {
            shown.add("…and " + hidden + " more this day. `/change list` shows every open change.");
        }
        return Cut.lines(shown, SlackLimits.SECTION_TEXT, n -> "…and " + n + " more this day.");
    }

    private static String changeLine(ScheduledChange change, LocalDate day, ZoneId zone) {
        var parts = new ArrayList<String>();
        parts.add((change.underWay() ? ":arrow_forward: " : ":calendar: ") + "*" + change.id() + "* "
                + Cut.userText(change.title(), MAX_USER_TEXT));
        parts.add(Mrkdwn.escape(change.classLabel()) + (change.risk().isBlank() ? "" : ", " + change.risk() + " risk"));
        parts.add(Mrkdwn.user(change.owner()));
        var where = new ArrayList<String>();
        change.service().ifPresent(s -> where.add(Mrkdwn.escape(s)));
        if (!change.systems().isBlank()) {
            where.add(Cut.userText(change.systems(), MAX_USER_TEXT));
        }
        if (!where.isEmpty()) {
            parts.add(String.join(": ", where));
        }
        change.window().ifPresent(w -> parts.add(span(w, day, zone)));
        parts.add(change.underWay() ? change.state().label() : change.approvalStatus());
        return String.join(" · ", parts);
    }

    private static String freezeLine(CalendarFreeze freeze, LocalDate day, ZoneId zone) {
        var who = freeze.declaredBy().map(u -> " by " + Mrkdwn.user(u)).orElse("");
        var label = freeze.kind() == CalendarFreeze.Kind.DECLARED
                ? "Freeze: " + Cut.userText(freeze.label(), MAX_USER_TEXT) : Mrkdwn.escape(freeze.label());
        var when = freeze.untilLifted()
                ? "from " + moment(freeze.span(), true, day, zone) + " until lifted"
                : span(freeze.span(), day, zone);
        return ":snowflake: " + label + " (" + freeze.kind().word() + who + ") " + when;
    }

    private static String windowLine(CalendarWindow window, LocalDate day, ZoneId zone) {
        var classes = window.forClasses().isEmpty() ? "" : " — for " + Mrkdwn.escape(String.join(", ", window.forClasses()));
        var fallback = window.fallbackFor().isEmpty() ? ""
                : (classes.isEmpty() ? " — " : "; ") + "fallback for " + Mrkdwn.escape(String.join(", ", window.fallbackFor()));
        return ":large_green_circle: " + Mrkdwn.escape(window.label()) + " " + span(window.span(), day, zone) + classes
                + fallback;
    }

    /** "10:00–12:00 (15:00–17:00 UTC)"; a date is added to an end (or start) that is not on {@code day}. */
    static String span(TimeSpan span, LocalDate day, ZoneId zone) {
        return moment(span, true, day, zone) + "–" + moment(span, false, day, zone) + " ("
                + utc(span.start(), span.start()) + "–" + utc(span.end(), span.start()) + " UTC)";
    }

    private static String moment(TimeSpan span, boolean start, LocalDate day, ZoneId zone) {
        var at = (start ? span.start() : span.end()).atZone(zone);
        return day != null && at.toLocalDate().equals(day) ? at.format(HOUR) : at.format(DAY_HOUR);
    }

    private static String utc(java.time.Instant at, java.time.Instant start) {
        var time = at.atZone(ZoneOffset.UTC);
        return at.equals(start) || time.toLocalDate().equals(start.atZone(ZoneOffset.UTC).toLocalDate())
                ? time.format(HOUR) : time.format(DAY_HOUR);
    }
}
