package dev.changebot.policyfile;

import java.util.List;
import java.util.Map;

/** The clauses of the five reference policies (and the default), as scenarios. */
final class PresetScenarios {

    private PresetScenarios() {
    }

    static List<PresetScenario> all() {
        return List.of(
                // Seed 001 — chat backend, Change Control Policy (UTC, US business days)
                PresetScenario.of("chat-backend", "Change Windows: a medium-risk change on Friday 16:30 UTC is refused; "
                                + "the next window opens Monday 10:00 UTC")
                        .change("medium", "2026-03-06T16:30:00Z").refused("weekend", "2026-03-09T10:00:00Z"),
                PresetScenario.of("chat-backend", "Change Windows: a medium-risk change on Tuesday 11:00 UTC is allowed")
                        .change("medium", "2026-03-10T11:00:00Z").steps(List.of(List.of("backend-lead"))).allowed(),
                PresetScenario.of("chat-backend", "Change Windows: Friday's window closes at 14:00 UTC; after it, Monday 10:00")
                        .change("medium", "2026-03-06T14:30:00Z").refused("outside the allowed windows", "2026-03-09T10:00:00Z"),
                PresetScenario.of("chat-backend", "Category 1: low-risk changes run 24/7, weekend included, after a 2-hour staging soak")
                        .change("low", "2026-03-07T03:00:00Z").soak(Map.of("staging", "2 h")).allowed(),
                PresetScenario.of("chat-backend", "Category 4: an emergency overrides the weekend freeze but owes its follow-ups")
                        .change("emergency", "2026-03-07T03:00:00Z")
                        .followUpsDue(Map.of("retrospective", "2026-03-08T03:00:00Z")).allowed(),
                PresetScenario.of("chat-backend", "Restricted Times: the last week of December is frozen; the next window is Friday 1 January 10:00")
                        .change("medium", "2026-12-29T11:00:00Z").refused("December", "2027-01-01T10:00:00Z"),
                PresetScenario.of("chat-backend", "Category 3: the RFC's 5 business days and the maintenance window's 2 weeks' announcement are both owed; then the next maintenance window")
                        .change("high", "2026-03-03T03:00:00Z").requestedAt("2026-03-02T09:00:00Z")
                        .refused("5 business days (RFC: design doc published 5+ business days before) and 14 days (planned maintenance announced 2 weeks in advance)", "2026-04-07T02:00:00Z"),
                PresetScenario.of("chat-backend", "Category 3: requested the day before Thanksgiving, the 2 weeks' announcement decides; then January's first maintenance window")
                        .change("high", "2026-12-01T03:00:00Z").requestedAt("2026-11-25T09:00:00Z")
                        .refused("14 days (planned maintenance announced 2 weeks in advance)", "2027-01-05T02:00:00Z"),
                PresetScenario.of("chat-backend", "Category 3: a request cannot plan the second Tuesday: the fallback opens only after a missed first window")
                        .change("high", "2026-04-14T03:00:00Z").requestedAt("2026-03-02T09:00:00Z")
                        .refused("outside the allowed windows", "2026-05-05T02:00:00Z"),
                PresetScenario.of("chat-backend", "Category 3: the review sign-offs are ordered steps ending with the Tech Architect's sign-off (its production gate is a stage approval)")
                        .change("high", "2026-04-07T03:00:00Z").requestedAt("2026-03-02T09:00:00Z")
                        .steps(List.of(List.of("backend-lead"), List.of("dba-lead"), List.of("sre-lead"),
                                List.of("product-owner"), List.of("tech-architect"))).allowed(),
                PresetScenario.of("chat-backend", "Approval Authorities: a column removal needs Backend Lead, DBA Lead and SRE Lead: the type's DBA and SRE Leads, then the class's Backend Lead review")
                        .change("medium", "2026-03-10T11:00:00Z").type("database/column-removal")
                        .steps(List.of(List.of("dba-lead"), List.of("sre-lead"), List.of("backend-lead"))).allowed(),
                PresetScenario.of("chat-backend", "Approval Authorities on top of Category 3: an endpoint removal keeps the Review Meeting sign-offs, the Tech Architect's last")
                        .change("high", "2026-04-07T03:00:00Z").requestedAt("2026-03-02T09:00:00Z").type("api/endpoint-removal")
                        .steps(List.of(List.of("backend-lead"), List.of("dba-lead"), List.of("sre-lead"),
                                List.of("product-owner"), List.of("tech-architect"))).allowed(),
                PresetScenario.of("chat-backend", "Approval Authorities on top of Category 2: a license change adds Legal before the Backend Lead review")
                        .change("medium", "2026-03-10T11:00:00Z").type("dependency/license-change")
                        .steps(List.of(List.of("legal"), List.of("tech-architect"), List.of("backend-lead"))).allowed(),
                PresetScenario.of("chat-backend", "Category 4: the follow-up PR is due in 5 business days, skipping Christmas")
                        .change("emergency", "2026-12-23T12:00:00Z")
                        .followUpsDue(Map.of("follow-up-pr", "2026-12-31T12:00:00Z")).allowed(),

                // Seed 002 — POL-008 (America/Los_Angeles)
                PresetScenario.of("pol-008", "5.1 Normal Changes: Tuesday 10:30 PT with 24 hours' notice is allowed")
                        .change("normal", "2026-03-10T17:30:00Z").requestedAt("2026-03-09T17:00:00Z").allowed(),
                PresetScenario.of("pol-008", "5.1 Normal Changes: requested Tuesday for the same day lacks 24 hours' notice; earliest Wednesday 10:00 PT")
                        .change("normal", "2026-03-10T18:00:00Z").requestedAt("2026-03-10T17:00:00Z")
                        .refused("24 h", "2026-03-11T17:00:00Z"),
                PresetScenario.of("pol-008", "5.1 Standard Changes: 9am PT is 17:00 UTC before the DST change and 16:00 UTC after it")
                        .change("standard", "2026-03-05T16:30:00Z").refused("outside the allowed windows", "2026-03-05T17:00:00Z"),
                PresetScenario.of("pol-008", "5.1 Standard Changes: Monday 9am PT after the DST change is allowed")
                        .change("standard", "2026-03-09T16:00:00Z").allowed(),
                PresetScenario.of("pol-008", "5.2 Blackout Periods: end of month/quarter; the next normal window is Wednesday 1 April 10:00 PT")
                        .change("normal", "2026-03-31T17:30:00Z").requestedAt("2026-03-20T17:00:00Z")
                        .refused("month", "2026-04-01T17:00:00Z"),
                PresetScenario.of("pol-008", "5.1 Major Changes: Saturday 2am-6am PT with 7 days' notice; 4.2 code review (2 approvals), then CTO, then CEO")
                        .change("major", "2026-03-07T10:30:00Z").requestedAt("2026-03-02T12:00:00Z")
                        .steps(List.of(List.of("code-reviewer"), List.of("cto"), List.of("ceo"))).refused("7 days", "2026-03-14T09:00:00Z"),
                PresetScenario.of("pol-008", "5.2 Blackout Periods: the Memorial Day holiday weekend; the next window is Tuesday 9am PT")
                        .change("standard", "2026-05-25T17:00:00Z").refused("holiday", "2026-05-26T16:00:00Z"),
                PresetScenario.of("pol-008", "5.2 Blackout Periods: the Thanksgiving holiday weekend runs Thursday to Sunday: a major change Saturday 2am PT waits a week")
                        .change("major", "2026-11-28T10:00:00Z").requestedAt("2026-11-02T17:00:00Z")
                        .refused("Holiday weekend", "2026-12-05T10:00:00Z"),
                PresetScenario.of("pol-008", "5.2 Blackout Periods: Veterans Day on a Wednesday is a holiday, not a holiday weekend")
                        .change("standard", "2026-11-11T18:00:00Z").allowed(),

                // Seed 004 — POL-012 (America/New_York)
                PresetScenario.of("pol-012", "CTRL-012.2: no normal deploys Friday 3pm - Monday 9am ET, across the DST change")
                        .change("normal", "2026-03-06T20:30:00Z").refused("weekend", "2026-03-09T13:00:00Z"),
                PresetScenario.of("pol-012", "CTRL-012.2: the weekend freeze does not apply to major changes")
                        .change("major", "2026-03-06T20:30:00Z").allowed(),
                PresetScenario.of("pol-012", "CTRL-012.2: company holidays stop everything but emergencies")
                        .change("normal", "2026-11-26T15:00:00Z").refused("holiday", "2026-11-27T05:00:00Z"),
                PresetScenario.of("pol-012", "CTRL-012.5: a DNS change needs a reviewer, instead of the normal class's two")
                        .change("normal", "2026-03-10T15:00:00Z").requestedAt("2026-03-09T15:00:00Z").type("configuration/dns-change")
                        .steps(List.of(List.of("reviewer"))).allowed(),
                PresetScenario.of("pol-012", "CTRL-012.1: a normal change needs 2 reviewers")
                        .change("normal", "2026-03-10T15:00:00Z").steps(List.of(List.of("reviewer"))).allowed(),
                PresetScenario.of("pol-012", "Exception Path 1: an emergency proceeds with 1 approval, even in the weekend freeze")
                        .change("emergency", "2026-03-07T03:00:00Z").steps(List.of(List.of("reviewer"))).allowed(),
                PresetScenario.of("pol-012", "Exception Path: the retroactive second approval is due 1 business day later, same local time")
                        .change("emergency", "2026-03-06T20:30:00Z")
                        .followUpsDue(Map.of("retroactive-second-approval", "2026-03-09T19:30:00Z",
                                "documentation-backfill", "2026-03-07T20:30:00Z")).allowed(),

                // Seed 003 — rotor.sh (UTC)
                PresetScenario.of("rotor", "3. Deploy Cadence: production after a 30-minute staging soak")
                        .change("normal", "2026-03-07T03:00:00Z").soak(Map.of("staging", "30 min"))
                        .steps(List.of(List.of("team-member"))).allowed(),
                PresetScenario.of("rotor", "5. Emergency Hotfix: deployed once one team member has reviewed it, any day")
                        .change("emergency", "2026-03-07T03:00:00Z").steps(List.of(List.of("team-member"))).allowed(),
                PresetScenario.of("rotor", "5. Emergency Hotfix: PR review backfilled in 2 business days, incident report in 24 h")
                        .change("emergency", "2026-03-06T12:00:00Z")
                        .followUpsDue(Map.of("backfill-pr-review", "2026-03-10T12:00:00Z",
                                "incident-report", "2026-03-07T12:00:00Z")).allowed(),

                // Seed 000 — Mixpeek (UTC)
                PresetScenario.of("mixpeek", "3. Change Categories: standard changes are pre-approved")
                        .change("standard", "2026-03-07T03:00:00Z").steps(List.of()).allowed(),
                PresetScenario.of("mixpeek", "8. Emergency Changes: post-incident review and skipped gates within 24 hours")
                        .change("emergency", "2026-03-06T12:00:00Z")
                        .followUpsDue(Map.of("post-incident-review", "2026-03-07T12:00:00Z",
                                "skipped-gates", "2026-03-07T12:00:00Z")).allowed(),

                // The default policy
                PresetScenario.of("default", "weekend freeze Fri 18:00 - Mon 06:00 UTC for normal changes")
                        .change("normal", "2026-03-06T18:30:00Z").refused("weekend", "2026-03-09T06:00:00Z"));
    }
}
