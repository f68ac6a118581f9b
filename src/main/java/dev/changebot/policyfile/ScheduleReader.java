package dev.changebot.policyfile;

import dev.changebot.domain.calendar.EndOfPeriodSchedule;
import dev.changebot.domain.calendar.FixedSchedule;
import dev.changebot.domain.calendar.HolidaySchedule;
import dev.changebot.domain.calendar.HolidayWeekendSchedule;
import dev.changebot.domain.calendar.RecurrenceSchedule;
import dev.changebot.domain.calendar.Schedule;
import dev.changebot.domain.calendar.TimeSpan;
import dev.changebot.domain.calendar.UnionSchedule;
import dev.changebot.domain.calendar.WeeklyRange;
import dev.changebot.domain.calendar.WeeklySchedule;
import dev.changebot.domain.calendar.YearlySchedule;
import dev.changebot.policyfile.calendar.PublicHolidays;
import dev.changebot.policyfile.calendar.RruleRecurrence;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the time-based parts of windows and freezes into schedules. Each kind of period has its
 * own key; a definition may combine several, and they add up.
 */
final class ScheduleReader {

    static final Set<String> KINDS = Set.of("weekly", "yearly", "periods", "recurrence", "holidays",
            "holiday_weekends", "end_of_month", "end_of_quarter");

    private final Problems problems;
    private final Values values;

    ScheduleReader(Problems problems) {
        this.problems = problems;
        this.values = new Values(problems);
    }

    /** Empty when the definition has no period of any kind (reported) or only broken ones. */
    Optional<Schedule> read(YamlMap definition, ZoneId zone) {
        var parts = new ArrayList<Schedule>();
        definition.get("weekly").ifPresent(node -> weekly(definition, zone).ifPresent(parts::add));
        definition.map("yearly").flatMap(yearly -> yearly(yearly, zone)).ifPresent(parts::add);
        if (definition.has("periods")) {
            fixed(definition, zone).ifPresent(parts::add);
        }
        if (definition.has("recurrence")) {
            recurrence(definition, zone).ifPresent(parts::add);
        }
        definition.map("holidays").flatMap(h -> holidays(h, zone)).ifPresent(parts::add);
        definition.map("holiday_weekends").flatMap(h -> holidayWeekends(h, zone)).ifPresent(parts::add);
        definition.map("end_of_month").flatMap(e -> endOf(e, zone, EndOfPeriodSchedule.PeriodKind.MONTH)).ifPresent(parts::add);
        definition.map("end_of_quarter").flatMap(e -> endOf(e, zone, EndOfPeriodSchedule.PeriodKind.QUARTER)).ifPresent(parts::add);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts.size() == 1 ? parts.get(0) : new UnionSchedule(parts));
    }

    static boolean definesPeriods(YamlMap definition) {
        return KINDS.stream().anyMatch(definition::has);
    }

    /** weekly: a list of {days, from, to} (same-day ranges) or one {from: "fri 16:00", to: "mon 08:00"}. */
    private Optional<Schedule> weekly(YamlMap definition, ZoneId zone) {
        var node = definition.get("weekly").orElseThrow();
        var ranges = new ArrayList<WeeklyRange>();
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            definition.map("weekly").ifPresent(range -> crossDayRange(range).ifPresent(ranges::add));
        } else {
            for (var entry : definition.maps("weekly")) {
                ranges.addAll(dailyRanges(entry));
            }
            reportOverlaps(definition, ranges);
        }
        return ranges.isEmpty() ? Optional.empty() : Optional.of(new WeeklySchedule(zone, ranges));
    }

    private Optional<WeeklyRange> crossDayRange(YamlMap range) {
        range.allowOnly(Set.of("from", "to"));
        var from = range.requiredString("from", "e.g. from: fri 16:00")
                .flatMap(text -> values.dayTime(text, range.get("from").orElseThrow(), range.child("from")));
        var to = range.requiredString("to", "e.g. to: mon 08:00")
                .flatMap(text -> values.dayTime(text, range.get("to").orElseThrow(), range.child("to")));
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (from.get().equals(to.get())) {
            problems.at(range.node(), "'" + range.path() + "' starts and ends at the same moment", "give a range");
            return Optional.empty();
        }
        return Optional.of(new WeeklyRange(from.get().day(), from.get().time(), to.get().day(), to.get().time()));
    }

    private List<WeeklyRange> dailyRanges(YamlMap entry) {
        entry.allowOnly(Set.of("days", "from", "to"));
        var days = EnumSet.noneOf(java.time.DayOfWeek.class);
        for (var day : entry.strings("days")) {
            values.day(day.text(), day.node(), entry.child("days")).ifPresent(days::add);
        }
        if (!entry.has("days")) {
            problems.at(entry.node(), "'" + entry.path() + "' needs 'days'", "e.g. days: [tue, wed, thu]");
        }
        var from = entry.requiredString("from", "e.g. from: \"10:00\"")
                .flatMap(text -> values.time(text, entry.get("from").orElseThrow(), entry.child("from")));
        var to = entry.requiredString("to", "e.g. to: \"16:00\"")
                .flatMap(text -> values.time(text, entry.get("to").orElseThrow(), entry.child("to")));
        if (days.isEmpty() || from.isEmpty() || to.isEmpty()) {
            return List.of();
        }
        if (!from.get().isBefore(to.get())) {
            problems.at(entry.node(), "'" + entry.path() + "' ends (" + to.get() + ") before it starts ("
                    + from.get() + ")", "a range crossing midnight is written as {from: \"fri 22:00\", to: \"sat 02:00\"}");
            return List.of();
        }
        return WeeklyRange.daily(days, from.get(), to.get());
    }

    private void reportOverlaps(YamlMap definition, List<WeeklyRange> ranges) {
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = i + 1; j < ranges.size(); j++) {
                var a = ranges.get(i);
                var b = ranges.get(j);
                if (a.fromDay() == b.fromDay() && a.from().isBefore(b.to()) && b.from().isBefore(a.to())) {
                    problems.at(definition.get("weekly").orElseThrow(), "'" + definition.child("weekly")
                            + "' has overlapping ranges on " + a.fromDay().name().toLowerCase() + " ("
                            + a.from() + "–" + a.to() + " and " + b.from() + "–" + b.to() + ")", "merge them into one range");
                }
            }
        }
    }

    private Optional<Schedule> yearly(YamlMap yearly, ZoneId zone) {
        yearly.allowOnly(Set.of("from", "to"));
        var from = yearly.requiredString("from", "e.g. from: 12-25")
                .flatMap(text -> values.monthDay(text, yearly.get("from").orElseThrow(), yearly.child("from")));
        var to = yearly.requiredString("to", "e.g. to: 12-31")
                .flatMap(text -> values.monthDay(text, yearly.get("to").orElseThrow(), yearly.child("to")));
        return from.isPresent() && to.isPresent() ? Optional.of(new YearlySchedule(zone, from.get(), to.get())) : Optional.empty();
    }

    private Optional<Schedule> fixed(YamlMap definition, ZoneId zone) {
        var spans = new ArrayList<TimeSpan>();
        for (var period : definition.maps("periods")) {
            period.allowOnly(Set.of("from", "to"));
            var from = period.requiredString("from", "e.g. from: 2026-12-24T00:00")
                    .flatMap(text -> values.dateTime(text, period.get("from").orElseThrow(), period.child("from")));
            var to = period.requiredString("to", "e.g. to: 2026-12-27T00:00")
                    .flatMap(text -> values.dateTime(text, period.get("to").orElseThrow(), period.child("to")));
            if (from.isPresent() && to.isPresent()) {
                var start = from.get().atZone(zone).toInstant();
                var end = to.get().atZone(zone).toInstant();
                if (!start.isBefore(end)) {
                    problems.at(period.node(), "'" + period.path() + "' ends before it starts", "swap from and to");
                } else {
                    spans.add(new TimeSpan(start, end));
                }
            }
        }
        return spans.isEmpty() ? Optional.empty() : Optional.of(new FixedSchedule(spans));
    }

    private Optional<Schedule> recurrence(YamlMap definition, ZoneId zone) {
        var rule = definition.string("recurrence");
        var start = definition.requiredString("from", "the local start time of each occurrence, e.g. from: \"02:00\"")
                .flatMap(text -> values.time(text, definition.get("from").orElseThrow(), definition.child("from")));
        var length = definition.requiredString("duration", "how long each occurrence lasts, e.g. duration: 4h")
                .flatMap(text -> values.duration(text, definition.get("duration").orElseThrow(), definition.child("duration")));
        if (rule.isEmpty() || start.isEmpty() || length.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RecurrenceSchedule(zone, new RruleRecurrence(rule.get()), start.get(), length.get()));
        } catch (IllegalArgumentException e) {
            problems.at(definition.get("recurrence").orElseThrow(), "'" + definition.child("recurrence")
                    + "' is not a valid RFC 5545 recurrence rule: " + e.getMessage(), "e.g. FREQ=MONTHLY;BYDAY=1TU");
            return Optional.empty();
        }
    }

    private Optional<Schedule> holidays(YamlMap holidays, ZoneId zone) {
        holidays.allowOnly(Set.of("country", "extend_to_weekend"));
        var country = holidays.requiredString("country", "an ISO country code, e.g. country: US");
        var weekends = holidays.bool("extend_to_weekend").orElse(false);
        return country.flatMap(code -> publicHolidays(code, holidays.get("country").orElseThrow(), holidays.child("country")))
                .map(calendar -> new HolidaySchedule(zone, calendar, weekends));
    }

    /** {@code holiday_weekends: {country: US, bridge_days: 1}}: weekends joined to a holiday, bridge days 0 to 3. */
    private Optional<Schedule> holidayWeekends(YamlMap definition, ZoneId zone) {
        definition.allowOnly(Set.of("country", "bridge_days"));
        var country = definition.requiredString("country", "an ISO country code, e.g. country: US");
        var bridge = definition.integer("bridge_days").orElse(1);
        if (bridge < 0 || bridge > 3) {
            problems.at(definition.get("bridge_days").orElseThrow(), "'" + definition.child("bridge_days")
                    + "' must be 0 to 3, not " + bridge, "the working days allowed between a holiday and its weekend;"
                    + " 1 makes Thanksgiving's Thursday to Sunday a holiday weekend");
            return Optional.empty();
        }
        return country.flatMap(code -> publicHolidays(code, definition.get("country").orElseThrow(),
                definition.child("country"))).map(calendar -> new HolidayWeekendSchedule(zone, calendar, bridge));
    }

    Optional<PublicHolidays> publicHolidays(String code, org.yaml.snakeyaml.nodes.Node at, String where) {
        try {
            return Optional.of(new PublicHolidays(code));
        } catch (IllegalArgumentException e) {
            problems.at(at, "no public holidays are known for '" + code + "' in '" + where + "'",
                    "use an ISO 3166 country code such as US, GB, DE, FR");
            return Optional.empty();
        }
    }

    private Optional<Schedule> endOf(YamlMap definition, ZoneId zone, EndOfPeriodSchedule.PeriodKind kind) {
        definition.allowOnly(Set.of("last_days"));
        var days = definition.integer("last_days");
        if (!definition.has("last_days")) {
            problems.at(definition.node(), "'" + definition.path() + "' needs 'last_days'", "e.g. last_days: 2");
        }
        if (days.isPresent() && (days.get() < 1 || days.get() > 27)) {
            problems.at(definition.get("last_days").orElseThrow(), "'" + definition.child("last_days")
                    + "' must be between 1 and 27", "");
            return Optional.empty();
        }
        return days.map(n -> new EndOfPeriodSchedule(zone, kind, n));
    }
}
