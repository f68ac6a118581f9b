package dev.changebot.policyfile.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.changebot.domain.calendar.HolidayCalendar;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A country's public holidays (optionally a subdivision's: "DE" + "by" for Bavaria) from jollyday's
 * tables. Both the actual date and the observed day off count: Independence Day 2026 is Saturday July
 * 4, observed on Friday July 3, and both are days nobody should be paged.
 */
public final class PublicHolidays implements HolidayCalendar {

    private final String country;
    private final String[] subdivision;
    private final HolidayManager manager;
    /** Reading jollyday's rules for a year is not free; a policy asks about the same years again and again. */
    private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

    public PublicHolidays(String country) {
        this(country, null);
    }

    public PublicHolidays(String country, String subdivision) {
        this.country = Objects.requireNonNull(country, "country").strip().toUpperCase(Locale.ROOT);
        if (!HolidayManager.getSupportedCalendarCodes().contains(this.country)) {
            throw new IllegalArgumentException("No public holiday calendar for country '" + country + "'");
        }
        this.manager = HolidayManager.getInstance(ManagerParameters.create(this.country));
        this.subdivision = subdivision == null || subdivision.isBlank()
                ? new String[0]
                : new String[] {known(subdivision.strip().toLowerCase(Locale.ROOT))};
    }

    @Override
    public boolean isHoliday(LocalDate date) {
        return nameOf(date).isPresent();
    }

    @Override
    public String name(LocalDate date) {
        return nameOf(date).orElse("public holiday");
    }

    @Override
    public String toString() {
        return subdivision.length == 0 ? country : country + "-" + subdivision[0];
    }

    private Optional<String> nameOf(LocalDate date) {
        // A day off may be observed in the year before (New Year 2028, a Saturday, is observed on
        // Friday 2027-12-31 in the US), so the neighbouring years are asked too.
        for (int year = date.getYear() - 1; year <= date.getYear() + 1; year++) {
            String name = holidaysOf(year).get(date);
            if (name != null) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private Map<LocalDate, String> holidaysOf(int year) {
        return byYear.computeIfAbsent(year, this::load);
    }

    private Map<LocalDate, String> load(int year) {
        Set<Holiday> holidays = manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivision);
        Map<LocalDate, String> names = new HashMap<>();
        for (Holiday holiday : holidays) {
            names.put(holiday.getActualDate(), holiday.getDescription(Locale.ENGLISH));
        }
        // A holiday's own name wins over another one observed on its date (Boxing Day moved onto a Monday holiday).
        for (Holiday holiday : holidays) {
            holiday.getObservedDate().ifPresent(observed ->
                    names.putIfAbsent(observed, holiday.getDescription(Locale.ENGLISH) + " (observed)"));
        }
        return Map.copyOf(names);
    }

    private String known(String code) {
        var subdivisions = manager.getCalendarHierarchy().getChildren().keySet();
        if (!subdivisions.contains(code)) {
            throw new IllegalArgumentException("No subdivision '" + code + "' in the public holidays of " + country
                    + " (known: " + String.join(", ", new TreeSet<>(subdivisions)) + ")");
        }
        return code;
    }
}
