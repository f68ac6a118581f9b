package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.BusinessCalendar;
import dev.changebot.domain.calendar.HolidayCalendar;
import dev.changebot.domain.calendar.Notice;
import dev.changebot.domain.change.ChangeField;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Small policies built in code, for tests of the core that must not read files. */
public final class PolicyFixtures {

    public static final String REVIEWERS = "reviewers";
    public static final Set<String> REVIEWER_ROLES = Set.of(REVIEWERS);
    /** The fields the first slice always asked for; the "normal" class below requires them. */
    public static final Set<ChangeField> COMMON_FIELDS = EnumSet.of(ChangeField.DESCRIPTION,
            ChangeField.SYSTEMS_AFFECTED, ChangeField.IMPLEMENTATION_PLAN, ChangeField.ROLLBACK_PLAN,
            ChangeField.TESTING_EVIDENCE);

    private PolicyFixtures() {
    }

    /** One class, "normal", approved by one person holding "reviewers"; "standard" is pre-approved. */
    public static Policy oneReviewer() {
        var classes = new LinkedHashMap<String, ChangeClass>();
        classes.put("normal", changeClass("normal", "Normal change", false,
                List.of(new ApprovalStep("Review", REVIEWER_ROLES, 1))));
        classes.put("standard", changeClass("standard", "Standard change", true, List.of()));
        return new Policy("test", "Test policy", ZoneOffset.UTC,
                Map.of(REVIEWERS, new Role(REVIEWERS, "Reviewers", Set.of(), Set.of("U_BOB", "U_CAROL"))),
                ApprovalSettings.defaults(), classes, Optional.of("normal"), Optional.empty(), ApprovalMatrix.NONE,
                Map.of(), List.of(),
                new BusinessCalendar(ZoneOffset.UTC, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        HolidayCalendar.none()),
                Reminders.defaults());
    }

    private static ChangeClass changeClass(String name, String label, boolean preApproved, List<ApprovalStep> steps) {
        return new ChangeClass(name, label, preApproved, false, COMMON_FIELDS, steps, List.of(), new Notice.None(),
                List.of(), Optional.empty(), Optional.empty(), Override.NOBODY, List.of(), Set.of());
    }
}
