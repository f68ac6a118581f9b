package dev.changebot.slack.command;

import dev.changebot.domain.change.ChangeId;

/** What the text after `/change` asks for. */
public sealed interface ChangeCommand {

    record Help() implements ChangeCommand {
    }

    record New(String titleHint) implements ChangeCommand {
    }

    /** One page of the open changes, counted from 1. */
    record ListOpen(int page) implements ChangeCommand {
        public ListOpen() {
            this(1);
        }
    }

    record Show(ChangeId id) implements ChangeCommand {
    }

    record Approve(ChangeId id) implements ChangeCommand {
    }

    record Reject(ChangeId id, String reason) implements ChangeCommand {
    }

    record Cancel(ChangeId id) implements ChangeCommand {
    }

    record Start(ChangeId id) implements ChangeCommand {
    }

    record Deployed(ChangeId id, String environment, java.util.OptionalInt percent) implements ChangeCommand {
    }

    record Emergency(String summary, java.util.Optional<String> incidentCommander, java.util.Optional<String> severity)
            implements ChangeCommand {
    }

    record Resolve(ChangeId id) implements ChangeCommand {
    }

    record Satisfy(ChangeId id, String obligation) implements ChangeCommand {
    }

    /** Work ended: completed, rolled back or failed. */
    record Finished(ChangeId id, dev.changebot.domain.change.ChangeState outcome) implements ChangeCommand {
    }

    record FreezeStart(String reason, java.util.Optional<java.time.Instant> until) implements ChangeCommand {
    }

    record FreezeEnd() implements ChangeCommand {
    }

    record FreezeList(int page) implements ChangeCommand {
        public FreezeList() {
            this(1);
        }
    }

    /** Input we could not read; the problem is told to the user in front of the help text. */
    record Unreadable(String problem) implements ChangeCommand {
    }
}
