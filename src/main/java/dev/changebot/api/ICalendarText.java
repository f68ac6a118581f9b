package dev.changebot.api;

import dev.changebot.application.calendar.CalendarFeed;
import dev.changebot.domain.calendar.Schedule;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.calendar.UnionSchedule;
import dev.changebot.domain.calendar.WeeklyRange;
import dev.changebot.domain.calendar.WeeklySchedule;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes a {@link CalendarFeed} as RFC 5545 with ical4j, which escapes text (commas, semicolons, line
 * breaks) and folds long lines. Weekly freezes and windows are one VEVENT each with an RRULE in the
 * policy's zone (TZID, with its VTIMEZONE), so subscribers see them in their own zone across DST; any
 * other schedule (holidays, month ends...) is expanded into single events for {@link CalendarFeed#AHEAD}.
 */
final class ICalendarText {

    /** How often calendar apps are asked to poll (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
    static final Duration REFRESH = Duration.ofMinutes(15);
    /** The DTSTAMP of the policy's rules: they are not edited through the feed, so it never moves. */
    private static final Instant RULES_STAMP = Instant.parse("2026-01-01T00:00:00Z");
    /** Recurring rules start here, a fixed week, so the feed's text does not move with the clock. */
    private static final LocalDate RULES_FROM = LocalDate.of(2026, 1, 5);
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private ICalendarText() {
    }

    static String write(CalendarFeed feed) {
        var calendar = new Calendar();
        calendar.add(new ProdId("-//Changebot//Change calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", "Change calendar"));
        calendar.add(new RefreshInterval(new net.fortuna.ical4j.model.ParameterList(
                List.of(net.fortuna.ical4j.model.parameter.Value.DURATION)), REFRESH.toString()));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        var events = new ArrayList<VEvent>();
        feed.changes().forEach(change -> events.add(change(feed, change)));
        boolean zoned = false;
        for (var rule : feed.rules()) {
            for (var part : parts(rule.schedule())) {
                if (part instanceof WeeklySchedule weekly) {
                    int i = 0;
                    for (var range : weekly.ranges()) {
                        events.add(weekly(feed, rule, weekly.zone(), range, i++));
                        zoned = true;
                    }
                } else {
                    var from = feed.from().minus(Duration.ofDays(7));
                    for (var span : occurrences(part, new TimeSpan(from, feed.from().plus(CalendarFeed.AHEAD)))) {
                        events.add(single(feed, rule.key() + "-" + span.start().getEpochSecond(), rule.label(),
                                rule.kind(), span, null));
                    }
                }
            }
        }
        feed.spans().forEach(span -> events.add(single(feed, span.key(), span.label(), span.kind(), span.span(),
                span.description() + (span.untilLifted() ? " Until lifted." : ""))));
        if (zoned) {
            zones(feed).forEach(zone -> calendar.add(zone));
        }
        events.forEach(event -> calendar.add(event));
        var out = new StringWriter();
        try {
            // Unfolded here, folded below: ical4j folds at 73 characters, RFC 5545 at 75 octets.
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the calendar", e);
        }
        return OctetFolding.fold(out.toString());
    }

    private static VEvent change(CalendarFeed feed, CalendarFeed.Change entry) {
        var change = entry.change();
        var window = change.window().orElseThrow();
        var event = new VEvent(false);
        event.add(new Uid(change.id() + "@" + feed.workspaceId()));
        event.add(new DtStamp(entry.stamp()));
        event.add(new DtStart<>(window.start()));
        event.add(new DtEnd<>(window.end()));
        event.add(new Sequence(entry.sequence()));
        event.add(new Status(entry.status().name()));
        event.add(new Summary(change.id() + " " + change.title()));
        var lines = new ArrayList<String>();
        lines.add("Owner: " + change.owner());
        lines.add("Systems affected: " + (change.systems().isBlank() ? "—" : change.systems()));
        change.service().ifPresent(s -> lines.add("Service: " + s));
        lines.add("Planned: " + window.start() + " to " + window.end() + " (" + minutes(window.length()) + ")");
        lines.add("Risk: " + (change.risk().isBlank() ? "—" : change.risk()));
        lines.add("Approval: " + change.approvalStatus());
        lines.add("Class: " + change.classLabel());
        entry.permalink().ifPresent(link -> lines.add("Slack: " + link));
        event.add(new Description(String.join("\n", lines)));
        entry.permalink().ifPresent(link -> event.add(new Url(URI.create(link))));
        var categories = new ArrayList<String>();
        categories.add(change.classLabel());
        if (!change.environment().isBlank()) {
            categories.add(change.environment());
        }
        event.add(new Categories(new TextList(categories)));
        return event;
    }

    private static VEvent weekly(CalendarFeed feed, CalendarFeed.Rule rule, ZoneId zone, WeeklyRange range, int index) {
        var day = RULES_FROM.with(TemporalAdjusters.nextOrSame(range.fromDay()));
        var start = ZonedDateTime.of(day, range.from(), zone);
        var end = ZonedDateTime.of(day.plusDays(daysSpanned(range)), range.to(), zone);
        var event = new VEvent(false);
        event.add(new Uid(rule.kind().name().toLowerCase(Locale.ROOT) + "-" + rule.key() + "-" + index + "@"
                + feed.workspaceId()));
        event.add(new DtStamp(RULES_STAMP));
        event.add(new DtStart<>(start));
        // A nominal duration (whole days, then hours): the end keeps its wall-clock time across a DST change
        // that falls within the days, as the policy's weekly ranges do. DTEND would be an exact duration.
        event.add(new net.fortuna.ical4j.model.property.Duration(nominal(start, end)));
        event.add(new RRule<>("FREQ=WEEKLY;BYDAY=" + day(range.fromDay())));
        decorate(event, rule.label(), rule.kind(), null);
        return event;
    }

    private static VEvent single(CalendarFeed feed, String key, String label, CalendarFeed.Kind kind, TimeSpan span,
                                 String description) {
        var event = new VEvent(false);
        event.add(new Uid(kind.name().toLowerCase(Locale.ROOT) + "-" + key + "@" + feed.workspaceId()));
        event.add(new DtStamp(RULES_STAMP));
        event.add(new DtStart<>(span.start()));
        event.add(new DtEnd<>(span.end()));
        decorate(event, label, kind, description);
        return event;
    }

    private static void decorate(VEvent event, String label, CalendarFeed.Kind kind, String description) {
        event.add(new Summary((kind == CalendarFeed.Kind.FREEZE ? "Freeze: " : "Window: ") + label));
        if (description != null) {
            event.add(new Description(description));
        }
        event.add(new Status("CONFIRMED"));
        // Windows are when changes may start, not busy time.
        event.add(new Transp(kind == CalendarFeed.Kind.FREEZE ? "OPAQUE" : "TRANSPARENT"));
        event.add(new Categories(kind == CalendarFeed.Kind.FREEZE ? "freeze" : "window"));
    }

    /** "P2DT16H": whole local days from the start (nominal), then the exact rest (RFC 5545 §3.3.6). */
    static String nominal(ZonedDateTime start, ZonedDateTime end) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(start.toLocalDateTime(), end.toLocalDateTime());
        var rest = Duration.between(start.plusDays(days), end);
        if (rest.isNegative()) {
            days--;
            rest = Duration.between(start.plusDays(days), end);
        }
        var text = new StringBuilder("P");
        if (days > 0) {
            text.append(days).append('D');
        }
        if (!rest.isZero() || days == 0) {
            text.append('T');
            if (rest.toHours() > 0) {
                text.append(rest.toHours()).append('H');
            }
            if (rest.toMinutesPart() > 0 || rest.toHours() == 0) {
                text.append(rest.toMinutesPart()).append('M');
            }
        }
        return text.toString();
    }

    private static List<Schedule> parts(Schedule schedule) {
        if (schedule instanceof UnionSchedule union) {
            var all = new ArrayList<Schedule>();
            union.schedules().forEach(s -> all.addAll(parts(s)));
            return all;
        }
        return List.of(schedule);
    }

    private static List<TimeSpan> occurrences(Schedule schedule, TimeSpan within) {
        var spans = new ArrayList<TimeSpan>();
        Set<Instant> seen = new HashSet<>();
        var from = within.start();
        while (spans.size() < 2_000) {
            var next = schedule.nextSpanFrom(from);
            if (next.isEmpty() || !next.get().start().isBefore(within.end()) || !seen.add(next.get().start())) {
                break;
            }
            spans.add(next.get());
            if (!next.get().end().isBefore(within.end())) {
                break;
            }
            from = next.get().end();
        }
        return spans;
    }

    private static List<VTimeZone> zones(CalendarFeed feed) {
        var ids = new java.util.LinkedHashSet<String>();
        for (var rule : feed.rules()) {
            for (var part : parts(rule.schedule())) {
                if (part instanceof WeeklySchedule weekly && !(weekly.zone() instanceof ZoneOffset)) {
                    ids.add(weekly.zone().getId());
                }
            }
        }
        var zones = new ArrayList<VTimeZone>();
        for (var id : ids) {
            var zone = ZONES.getTimeZone(id);
            if (zone != null) {
                zones.add(zone.getVTimeZone());
            }
        }
        return zones;
    }

    private static int daysSpanned(WeeklyRange range) {
        int days = Math.floorMod(range.toDay().getValue() - range.fromDay().getValue(), 7);
        return days == 0 && !range.to().isAfter(range.from()) ? 7 : days;
    }

    private static String day(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static String minutes(Duration length) {
        long minutes = length.toMinutes();
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
