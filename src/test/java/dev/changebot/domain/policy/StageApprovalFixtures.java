package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.BusinessCalendar;
import dev.changebot.domain.calendar.HolidayCalendar;
import dev.changebot.domain.calendar.Notice;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A policy shaped like chat-backend's deployment steps, for the rules of approvals given during the
 * deployment: "medium" soaks 2 h in staging, then waits for the Manual QA approval (👍) before
 * production; "high" soaks 2 h in staging, waits for the Tech Architect's production gate, rolls out
 * 5/25/50/100% 8 h apart, and a rollback needs the Backend Lead and the SRE Lead; "canary" asks an
 * SRE Lead's approval before its 25% step. Everything is reviewed first by a reviewer.
 */
public final class StageApprovalFixtures {

    public static final String QA = "qa";
    public static final String TECH_ARCHITECT = "tech-architect";
    public static final String BACKEND_LEAD = PolicyFixtures.BACKEND_LEAD;
    public static final String SRE_LEAD = PolicyFixtures.SRE_LEAD;
    /** The reaction Slack reports for 👍. */
    public static final String THUMBS_UP = "+1";

    public static final StageApproval QA_APPROVAL = new StageApproval("production", "Manual QA approval", Set.of(QA), 1,
            false, Optional.of(THUMBS_UP));
    public static final StageApproval ARCHITECT_GATE = new StageApproval("production", "Tech Architect production gate",
            Set.of(TECH_ARCHITECT), 1, false, Optional.empty());
    public static final StageApproval ROLLBACK_DUAL = new StageApproval("rollback", "Rollback dual approval",
            new java.util.LinkedHashSet<>(List.of(BACKEND_LEAD, SRE_LEAD)), 1, true, Optional.empty());
    public static final StageApproval BEFORE_25 = new StageApproval("production 25%", "SRE check of the 5% step",
            Set.of(SRE_LEAD), 1, false, Optional.empty());

    private StageApprovalFixtures() {
    }

    public static Policy chatBackendLike() {
        var review = List.of(PolicyFixtures.REVIEW);
        var staging = List.of(new SoakStage("staging", Duration.ofHours(2)));
        var rollout = Optional.of(new Rollout(List.of(5, 25, 50, 100), Duration.ofHours(8)));
        var medium = changeClass("medium", review, staging, Optional.empty(), List.of(QA_APPROVAL));
        var high = changeClass("high", review, staging, rollout, List.of(ARCHITECT_GATE, ROLLBACK_DUAL));
        var canary = changeClass("canary", review, List.of(), rollout, List.of(BEFORE_25));
        var classes = new LinkedHashMap<String, ChangeClass>();
        List.of(medium, high, canary).forEach(c -> classes.put(c.name(), c));
        var roles = new LinkedHashMap<String, Role>();
        roles.put(PolicyFixtures.REVIEWERS, new Role(PolicyFixtures.REVIEWERS, "Reviewers", Set.of(), Set.of()));
        roles.put(QA, new Role(QA, "QA", Set.of("qa"), Set.of()));
        roles.put(TECH_ARCHITECT, new Role(TECH_ARCHITECT, "Tech Architect", Set.of("tech-architects"), Set.of()));
        roles.put(BACKEND_LEAD, new Role(BACKEND_LEAD, "Backend Lead", Set.of("backend-leads"), Set.of()));
        roles.put(SRE_LEAD, new Role(SRE_LEAD, "SRE Lead", Set.of("sre-leads"), Set.of()));
        var environments = new LinkedHashMap<String, String>();
        environments.put("staging", "Staging");
        environments.put("production", "Production");
        return new Policy("stage-approvals", "Stage approvals", ZoneOffset.UTC, roles, ApprovalSettings.defaults(),
                classes, Optional.of("medium"), Optional.empty(), ApprovalMatrix.NONE, Map.of(), List.of(),
                new BusinessCalendar(ZoneOffset.UTC, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), HolidayCalendar.none()),
                Reminders.defaults(), AuditSettings.none(), environments, Map.of(), Map.of(), ApiSettings.none());
    }

    private static ChangeClass changeClass(String name, List<ApprovalStep> steps, List<SoakStage> soak,
                                           Optional<Rollout> rollout, List<StageApproval> stageApprovals) {
        return new ChangeClass(name, name, false, false, PolicyFixtures.COMMON_FIELDS, steps, List.of(), new Notice.None(),
                soak, rollout, Optional.empty(), Override.NOBODY, List.of(), Set.of(), Set.of(), List.of(), stageApprovals);
    }
}
