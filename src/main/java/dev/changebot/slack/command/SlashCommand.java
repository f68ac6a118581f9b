package dev.changebot.slack.command;

import dev.changebot.domain.change.ChangeId;

/** What the text after `/change` asks for. */
public sealed interface SlashCommand {

    record Help() implements SlashCommand {
    }

    /** `/change new [title] [--service name] [--type category/type]`: the form, with these filled in. */
    record New(String titleHint, java.util.Optional<String> service, java.util.Optional<String> type)
            implements SlashCommand {

        public New(String titleHint) {
            this(titleHint, java.util.Optional.empty(), java.util.Optional.empty());
        }
    }

    /** One page of the open changes, counted from 1. */
    record ListOpen(int page) implements SlashCommand {
        public ListOpen() {
            this(1);
        }
    }

    record Show(ChangeId id) implements SlashCommand {
    }

    /** {@code rollback}: `/change approve CHG-n rollback`, the approval the policy asks before a rollback. */
    record Approve(ChangeId id, boolean rollback) implements SlashCommand {

        public Approve(ChangeId id) {
            this(id, false);
        }
    }

    record Reject(ChangeId id, String reason) implements SlashCommand {
    }

    record Cancel(ChangeId id) implements SlashCommand {
    }

    record Start(ChangeId id) implements SlashCommand {
    }

    record Deployed(ChangeId id, String environment, java.util.OptionalInt percent) implements SlashCommand {
    }

    /** {@code approvedBy}: who approved it by word beforehand (`--approved-by @ceo`), where the policy asks. */
    /** {@code incident}: the INC-n it remediates ({@code --incident INC-n}). */
    record Emergency(String summary, java.util.Optional<String> incidentCommander, java.util.Optional<String> severity,
                     java.util.Optional<String> approvedBy, java.util.Optional<Long> incident) implements SlashCommand {

        public Emergency(String summary, java.util.Optional<String> incidentCommander, java.util.Optional<String> severity,
                         java.util.Optional<String> approvedBy) {
            this(summary, incidentCommander, severity, approvedBy, java.util.Optional.empty());
        }

        public Emergency(String summary, java.util.Optional<String> incidentCommander,
                         java.util.Optional<String> severity) {
            this(summary, incidentCommander, severity, java.util.Optional.empty());
        }
    }

    record Resolve(ChangeId id) implements SlashCommand {
    }

    /** `/change issue CHG-n <what was seen>`: a production issue on the change. */
    record ReportIssue(ChangeId id, String summary) implements SlashCommand {
    }

    /** `/change report [2026-11 | 2026-Q4]`: the period's numbers, targets and chart; blank for last month. */
    record Report(String period) implements SlashCommand {
    }

    record Satisfy(ChangeId id, String obligation) implements SlashCommand {
    }

    /** Work ended: completed, rolled back or failed. */
    record Finished(ChangeId id, dev.changebot.domain.change.ChangeState outcome) implements SlashCommand {
    }

    record FreezeStart(String reason, java.util.Optional<java.time.Instant> until) implements SlashCommand {
    }

    /** `/change incident start <SEV> <title> [services…]`: the title words, then any services. */
    record IncidentStart(String severity, java.util.List<String> words) implements SlashCommand {
        public IncidentStart {
            words = java.util.List.copyOf(words);
        }
    }

    record IncidentResolve(long number) implements SlashCommand {
    }

    /** `/change incident cause|remediate INC-n CHG-m`: {@code cause}, else a remediation. */
    record IncidentLink(long number, ChangeId changeId, boolean cause) implements SlashCommand {
    }

    record FreezeEnd() implements SlashCommand {
    }

    record FreezeList(int page) implements SlashCommand {
        public FreezeList() {
            this(1);
        }
    }

    /** The evidence pack for a period, as typed ({@code 2026-Q3}...): read in the policy's time zone later. */
    record Evidence(String period) implements SlashCommand {
    }

    /** A change's whole audit trail, one page of it, counted from 1. */
    record Audit(ChangeId id, int page) implements SlashCommand {
    }

    /** `/change token create|list|revoke`: {@code words} are what follows the verb. */
    record Token(Verb verb, java.util.List<String> words) implements SlashCommand {

        public enum Verb { CREATE, LIST, REVOKE }

        public Token {
            words = java.util.List.copyOf(words);
        }
    }

    /** `/change calendar [7d | 30d | 2026-12] [service]`: the period as typed (blank: the next 7 days). */
    record Calendar(String period, java.util.Optional<String> service) implements SlashCommand {
    }

    /** `/change calendar subscribe [service…]`: a private iCal feed URL, of these services only when named. */
    record CalendarSubscribe(java.util.List<String> services) implements SlashCommand {

        public CalendarSubscribe {
            services = java.util.List.copyOf(services);
        }
    }

    /** `/change calendar unsubscribe`: revokes every feed URL the person made. */
    record CalendarUnsubscribe() implements SlashCommand {
    }

    /** `/change conflicts CHG-n`: every conflict of its planned window, and the next free slot. */
    record Conflicts(ChangeId id) implements SlashCommand {
    }

    /** Input we could not read; the problem is told to the user in front of the help text. */
    record Unreadable(String problem) implements SlashCommand {
    }
}
