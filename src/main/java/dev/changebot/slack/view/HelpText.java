package dev.changebot.slack.view;

/** What `/change` understands, shown for `/change help` and for anything it does not. */
public final class HelpText {

    private HelpText() {
    }

    /** Placeholders are written &lt;like this&gt;: Slack reads a bare {@code <reason>} as a link. */
    public static String text() {
        return """
                *Changebot* keeps your change process in Slack.
                • `/change new [title]` — request a change (opens a form); add `--service NAME` to choose the service
                • `/change list` — the open changes
                • `/change show CHG-n` — one change, with its approvals
                • `/change approve CHG-n [rollback]` — approve a change you did not request; once it is under way, the approval due before its next stage (`rollback`: the approval the policy asks before a rollback)
                • `/change reject CHG-n &lt;reason&gt;` — reject it, saying why
                • `/change cancel CHG-n` — withdraw a change you requested
                • `/change start CHG-n` — start an approved change (the calendar is checked now)
                • `/change emergency &lt;summary&gt; [--ic @someone] [--sev P1] [--approved-by @someone]` — declare an emergency change here, now (`--approved-by`: who gave the verbal approval, where the policy asks for one)
                • `/change resolve CHG-n` — the emergency fix is in; `/change satisfy CHG-n &lt;follow-up&gt;` — meet a follow-up
                • `/change deployed CHG-n &lt;environment&gt; [percent]` — report a deployment (or use the change's buttons); the policy's soak starts, production only after it. Pipelines ask and report through the gate API (`bin/changebot-gate`); a deployment nothing approved is posted to the escalation channel
                • `/change done CHG-n`, `/change rolledback CHG-n`, `/change failed CHG-n` — how the work ended
                • `/change issue CHG-n &lt;what you see&gt;` — report a production issue on a change (the policy may ask for a rollback decision)
                • `/change calendar [7d | 30d | 2026-12] [service]` — what is scheduled, frozen and open, day by day in your time zone, and the earliest start each class of change may have; `/change calendar subscribe [service…]` — a private URL for Google Calendar, Outlook or Apple Calendar (`/change calendar unsubscribe` revokes yours)
                • `/change conflicts CHG-n` — every conflict of a change's planned window (same service or system, a rollout under way, a freeze, outside its windows, the same person twice) and the next free slot
                • `/change freeze start &lt;reason&gt; [until 2026-12-24T18:00Z]` — declare a freeze (authorised roles)
                • `/change freeze end` — lift the declared freezes; `/change freeze list` — see them
                • `/change incident start &lt;SEV&gt; &lt;title&gt; [services…]`, `/change incident resolve INC-n` — record an incident without an incident tool; the policy's incident freezes follow it (roles the policy names)
                • `/change incident cause INC-n CHG-m` — the change caused it (counts in the failure rate); `/change incident remediate INC-n CHG-m` — the change fixes it and may go during its freeze
                • `/change report [2026-11 | 2026-Q4]` — the period's numbers (DORA keys, approvals, follow-ups), the policy's targets met or missed, a chart and the CSV, posted here (default: last month)
                • `/change audit CHG-n [page]` — a change's whole audit trail, each entry verified against the chain
                • `/change evidence &lt;period&gt;` — the evidence pack for an auditor (`2026-Q3`, `2026-11`, `2026-07-01..2026-09-30`, `30d`), sent to you as a file (roles the policy names)
                • `/change token create &lt;name&gt; [services…] [environments…] [read-only]`, `/change token list`, `/change token revoke &lt;name&gt;` — API tokens for pipelines and dashboards (roles the policy names)
                • `/change help` — this help""";
    }

    /** Help after input we could not read, echoing what we did not understand. */
    public static String after(String problem) {
        return problem + "\n\n" + text();
    }
}
