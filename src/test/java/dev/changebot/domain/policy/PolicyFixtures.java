package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.BusinessCalendar;
import dev.changebot.domain.calendar.HolidayCalendar;
import dev.changebot.domain.calendar.NamedSchedule;
import dev.changebot.domain.calendar.Notice;
import dev.changebot.domain.calendar.WeeklyRange;
import dev.changebot.domain.calendar.WeeklySchedule;
import dev.changebot.domain.change.ChangeField;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Small policies built in code, for tests of the core that must not read files. Each is the
 * one-reviewer policy with one thing more: a second step, a freeze, a window, an emergency class,
 * soak stages and a rollout; shaped like the presets (chat-backend, pol-012) they stand in for.
 */
public final class PolicyFixtures {

    public static final String REVIEWERS = "reviewers";
    public static final Set<String> REVIEWER_ROLES = Set.of(REVIEWERS);
    public static final String BACKEND_LEAD = "backend-lead";
    public static final String SRE_LEAD = "sre-lead";
    public static final String INCIDENT_COMMANDER = "incident-commander";
    /** The fields the first slice always asked for; the "normal" class below requires them. */
    public static final Set<ChangeField> COMMON_FIELDS = EnumSet.of(ChangeField.DESCRIPTION,
            ChangeField.SYSTEMS_AFFECTED, ChangeField.IMPLEMENTATION_PLAN, ChangeField.ROLLBACK_PLAN,
            ChangeField.TESTING_EVIDENCE);
    /** Backend Lead + SRE Lead together, as chat-backend overrides its weekend freeze. */
    public static final Override BOTH_LEADS = new Override(Set.of(BACKEND_LEAD, SRE_LEAD), true);
    /** The incident commander or the backend lead, either alone, as pol-012 overrides its freezes. */
    public static final Override EITHER_LEAD = new Override(Set.of(INCIDENT_COMMANDER, BACKEND_LEAD), false);

    static final ApprovalStep REVIEW = new ApprovalStep("Review", REVIEWER_ROLES, 1);

    private PolicyFixtures() {
    }

    /** One class, "normal", approved by one person holding "reviewers"; "standard" is pre-approved. */
    public static Policy oneReviewer() {
        return policy(ApprovalSettings.defaults(), List.of(), Map.of(), normal(List.of(REVIEW)), standard());
    }

    /** As {@link #oneReviewer()}, but the requester may approve their own change. */
    /** As {@link #oneReviewer}, with "normal" refusing a request whose window conflicts ({@code conflicts: block}). */
    public static Policy blockingConflicts() {
        var normal = new ChangeClass("normal", "Normal change", false, false, COMMON_FIELDS, List.of(REVIEW), List.of(),
                new Notice.None(), List.of(), Optional.empty(), Optional.empty(), Override.NOBODY, List.of(), Set.of(),
                Set.of(), List.of(), List.of(), ConflictRule.BLOCK);
        return policy(ApprovalSettings.defaults(), List.of(), Map.of(), normal, standard());
    }

    public static Policy requesterMayApprove() {
        return policy(new ApprovalSettings(true, true, ApprovalSettings.DEFAULT_REACTION), List.of(), Map.of(),
                normal(List.of(REVIEW)), standard());
    }

    /** "normal" climbs two steps: two reviewers ("Peer review"), then a backend lead ("Lead sign-off"). */
    public static Policy twoSteps() {
        return policy(ApprovalSettings.defaults(), List.of(), Map.of(), normal(List.of(
                new ApprovalStep("Peer review", REVIEWER_ROLES, 2),
                new ApprovalStep("Lead sign-off", Set.of(BACKEND_LEAD), 1))), standard());
    }

    /** Nothing starts from Friday 16:00 to Monday 08:00 UTC ("weekend"), except under {@code override}. */
    public static Policy frozenOnWeekends(Override override) {
        var weekend = new WeeklySchedule(ZoneOffset.UTC, List.of(new WeeklyRange(DayOfWeek.FRIDAY,
                LocalTime.of(16, 0), DayOfWeek.MONDAY, LocalTime.of(8, 0))));
        var freeze = new Freeze("weekend", "the weekend freeze", new FreezeSource.Scheduled(weekend), Set.of(), override);
        return policy(ApprovalSettings.defaults(), List.of(freeze), Map.of(), normal(List.of(REVIEW)), standard());
    }

    /** "normal" starts only on weekdays 10:00–16:00 UTC ("business-hours"); outside, under {@code override}. */
    public static Policy businessHoursOnly(Override override) {
        var days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        var hours = new NamedSchedule("business-hours", "business hours", new WeeklySchedule(ZoneOffset.UTC,
                WeeklyRange.daily(days, LocalTime.of(10, 0), LocalTime.of(16, 0))));
        var normal = new ChangeClass("normal", "Normal change", false, false, COMMON_FIELDS, List.of(REVIEW),
                List.of(hours.name()), new Notice.None(), List.of(), Optional.empty(), Optional.empty(), override,
                List.of(), Set.of());
        return policy(ApprovalSettings.defaults(), List.of(), Map.of(hours.name(), hours), normal, standard());
    }

    /**
     * An emergency class besides "normal": declared by an incident commander; owing a retrospective
     * within 24 h (not by the declarer), a follow-up PR by a backend lead within 5 business days,
     * and an executive report within 2 business days for P0 and security incidents. {@code steps}
     * empty: the commander acts alone; otherwise work waits for them (pol-012's "1 approval").
     */
    public static Policy withEmergency(List<ApprovalStep> steps) {
        return policy(ApprovalSettings.defaults(), List.of(), Map.of(), normal(List.of(REVIEW)), standard(),
                emergency(steps, Set.of(INCIDENT_COMMANDER)));
    }

    /** As {@link #withEmergency} with no approvals, and with {@code declarers} (empty: anyone) declaring it. */
    public static Policy emergencyDeclaredBy(Set<String> declarers) {
        return policy(ApprovalSettings.defaults(), List.of(), Map.of(), normal(List.of(REVIEW)), emergency(List.of(),
                declarers));
    }

    /**
     * Ways to production: "normal" soaks 30 minutes in staging first; "high" soaks 2 hours in
     * staging, then rolls out to 5, 25 and 100% with 8 hours between steps, then is monitored for
     * 4 hours; "standard" goes anywhere at once.
     */
    public static Policy stagedDeployments() {
        var staging = new SoakStage("staging", Duration.ofMinutes(30));
        var normal = new ChangeClass("normal", "Normal change", false, false, COMMON_FIELDS, List.of(REVIEW), List.of(),
                new Notice.None(), List.of(staging), Optional.empty(), Optional.empty(), Override.NOBODY, List.of(),
                Set.of());
        var high = new ChangeClass("high", "High-risk change", false, false, COMMON_FIELDS, List.of(REVIEW), List.of(),
                new Notice.None(), List.of(new SoakStage("staging", Duration.ofHours(2))),
                Optional.of(new Rollout(List.of(5, 25, 100), Duration.ofHours(8))), Optional.of(Duration.ofHours(4)),
                Override.NOBODY, List.of(), Set.of());
        return policy(ApprovalSettings.defaults(), List.of(), Map.of(), normal, high, standard());
    }

    private static ChangeClass normal(List<ApprovalStep> steps) {
        return changeClass("normal", "Normal change", false, steps);
    }

    private static ChangeClass standard() {
        return changeClass("standard", "Standard change", true, List.of());
    }

    private static ChangeClass changeClass(String name, String label, boolean preApproved, List<ApprovalStep> steps) {
        return new ChangeClass(name, label, preApproved, false, COMMON_FIELDS, steps, List.of(), new Notice.None(),
                List.of(), Optional.empty(), Optional.empty(), Override.NOBODY, List.of(), Set.of());
    }

    private static ChangeClass emergency(List<ApprovalStep> steps, Set<String> declarers) {
        var followUps = List.of(
                new FollowUp("retrospective", "Retrospective", new Notice.Elapsed(Duration.ofHours(24)), Set.of(), true,
                        List.of("what_changed", "link"), Set.of()),
                new FollowUp("follow-up-pr", "Follow-up PR with tests", new Notice.BusinessDays(5), Set.of(BACKEND_LEAD),
                        false, List.of("link"), Set.of()),
                new FollowUp("executive-report", "Executive report", new Notice.BusinessDays(2), Set.of(), false,
                        List.of("what_changed", "link"), Set.of("P0", "security")));
        return new ChangeClass("emergency", "Emergency change", false, true, Set.of(), steps, List.of(),
                new Notice.None(), List.of(), Optional.empty(), Optional.empty(), Override.NOBODY, followUps, declarers);
    }

    private static Policy policy(ApprovalSettings settings, List<Freeze> freezes, Map<String, NamedSchedule> windows,
                                 ChangeClass... classes) {
        var byName = new LinkedHashMap<String, ChangeClass>();
        for (var c : classes) {
            byName.put(c.name(), c);
        }
        var roles = new LinkedHashMap<String, Role>();
        roles.put(REVIEWERS, new Role(REVIEWERS, "Reviewers", Set.of(), Set.of("U_BOB", "U_CAROL")));
        for (var role : List.of(BACKEND_LEAD, SRE_LEAD, INCIDENT_COMMANDER)) {
            roles.put(role, new Role(role, role, Set.of(), Set.of()));
        }
        return new Policy("test", "Test policy", ZoneOffset.UTC, roles, settings, byName, Optional.of("normal"),
                Optional.empty(), ApprovalMatrix.NONE, windows, freezes,
                new BusinessCalendar(ZoneOffset.UTC, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        HolidayCalendar.none()),
                Reminders.defaults(), dev.changebot.domain.policy.AuditSettings.none());
    }
}
